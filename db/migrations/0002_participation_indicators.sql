CREATE TABLE `participation_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collective_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`weight` integer NOT NULL,
	`stages` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`collective_id`) REFERENCES `collectives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participation_indicators_key` ON `participation_indicators` (`collective_id`,`key`);