CREATE TABLE `redaction_scans` (
	`collective_id` integer PRIMARY KEY NOT NULL,
	`scanned_at` text NOT NULL,
	`findings_json` text NOT NULL,
	`finding_count` integer NOT NULL,
	FOREIGN KEY (`collective_id`) REFERENCES `collectives`(`id`) ON UPDATE no action ON DELETE no action
);
