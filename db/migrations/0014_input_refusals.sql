CREATE TABLE `input_refusals` (
	`value_hash` text PRIMARY KEY NOT NULL,
	`collective_id` integer NOT NULL,
	`refused_at` text NOT NULL,
	FOREIGN KEY (`collective_id`) REFERENCES `collectives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `input_refusals_refused_at` ON `input_refusals` (`refused_at`);