ALTER TABLE `collectives` ADD `default_language` text DEFAULT 'en-IN' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `language` text;