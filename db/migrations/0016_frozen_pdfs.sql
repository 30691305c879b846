CREATE TABLE `frozen_pdfs` (
	`meeting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`pdf` blob NOT NULL,
	`rendered_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`meeting_id`, `kind`, `version`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
