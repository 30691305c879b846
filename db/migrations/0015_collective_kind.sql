ALTER TABLE `collectives` ADD `kind` text DEFAULT 'district' NOT NULL;--> statement-breakpoint
ALTER TABLE `collectives` ADD `deactivated_at` text;