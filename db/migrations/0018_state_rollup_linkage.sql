CREATE TABLE `cross_district_match_sides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`match_id` integer NOT NULL,
	`collective_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	FOREIGN KEY (`match_id`) REFERENCES `cross_district_matches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collective_id`) REFERENCES `collectives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cross_district_match_sides_side` ON `cross_district_match_sides` (`match_id`,`collective_id`);--> statement-breakpoint
CREATE INDEX `cross_district_match_sides_collective` ON `cross_district_match_sides` (`collective_id`,`status`);--> statement-breakpoint
CREATE TABLE `cross_district_matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_kind` text NOT NULL,
	`low_case_id` integer NOT NULL,
	`high_case_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`low_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`high_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cross_district_matches_pair` ON `cross_district_matches` (`subject_kind`,`low_case_id`,`high_case_id`);--> statement-breakpoint
CREATE TABLE `state_drill_downs` (
	`collective_id` integer PRIMARY KEY NOT NULL,
	`computed_at` text NOT NULL,
	`figures_json` text NOT NULL,
	FOREIGN KEY (`collective_id`) REFERENCES `collectives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `state_rollups` (
	`id` integer PRIMARY KEY NOT NULL,
	`computed_at` text NOT NULL,
	`view_json` text NOT NULL
);
