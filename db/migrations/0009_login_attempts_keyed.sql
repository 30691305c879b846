-- Old attempts hold what was typed into the email box: they go, and nothing typed is kept again.
DELETE FROM `login_attempts`;--> statement-breakpoint
CREATE TABLE `deployment` (
	`id` integer PRIMARY KEY NOT NULL,
	`deployment_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
DROP INDEX `login_attempts_email_at`;--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `account_key` text NOT NULL;--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `client_key` text NOT NULL;--> statement-breakpoint
CREATE INDEX `login_attempts_account_at` ON `login_attempts` (`account_key`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_client_at` ON `login_attempts` (`client_key`,`at`);--> statement-breakpoint
ALTER TABLE `login_attempts` DROP COLUMN `email`;