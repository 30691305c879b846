CREATE TABLE `backup_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`taken_at` text NOT NULL,
	`restored_at` text
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_log_collective` ON `audit_log` (`collective_id`,`id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` text;