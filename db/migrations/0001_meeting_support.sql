ALTER TABLE `cases` ADD `stage_changed_on` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `batch` text;--> statement-breakpoint
CREATE INDEX `mail_outbox_batch` ON `mail_outbox` (`batch`);