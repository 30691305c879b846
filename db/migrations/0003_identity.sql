CREATE TABLE `identity_fingerprints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collective_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`name_fp` text NOT NULL,
	`name_year_fp` text,
	`extra_fp` text,
	`guard_fps` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`collective_id`) REFERENCES `collectives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `identity_fingerprints_name` ON `identity_fingerprints` (`collective_id`,`name_fp`);--> statement-breakpoint
CREATE INDEX `identity_fingerprints_subject` ON `identity_fingerprints` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `identity_matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collective_id` integer NOT NULL,
	`subject_kind` text NOT NULL,
	`case_id` integer NOT NULL,
	`other_case_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`collective_id`) REFERENCES `collectives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `identity_matches_case` ON `identity_matches` (`case_id`);--> statement-breakpoint
CREATE INDEX `identity_matches_other` ON `identity_matches` (`other_case_id`);