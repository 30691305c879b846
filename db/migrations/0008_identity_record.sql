CREATE TABLE `identity_record_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collective_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`attribute` text NOT NULL,
	`guard_fps` text NOT NULL,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`collective_id`) REFERENCES `collectives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `identity_record_entries_collective` ON `identity_record_entries` (`collective_id`);--> statement-breakpoint
CREATE INDEX `identity_record_entries_subject` ON `identity_record_entries` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `protected_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Hand-written: the leak-guard forms stored before identity records become entries (role g), then the column goes.
INSERT INTO `identity_record_entries` (`collective_id`, `case_id`, `subject_kind`, `subject_id`, `attribute`, `guard_fps`, `created_at`)
	SELECT f.`collective_id`, f.`case_id`, f.`subject_kind`, f.`subject_id`, 'name', (SELECT json_group_array('g:' || j.value) FROM json_each(f.`guard_fps`) j), f.`created_at` FROM `identity_fingerprints` f;
--> statement-breakpoint
ALTER TABLE `identity_fingerprints` DROP COLUMN `guard_fps`;
--> statement-breakpoint
-- Hand-written: whatever changes what the leak guard protects bumps the revision, so a cached protected set is rebuilt.
INSERT INTO `protected_revision` (`id`, `revision`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `protected_entry_added` AFTER INSERT ON `identity_record_entries` BEGIN UPDATE `protected_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_entry_removed` AFTER DELETE ON `identity_record_entries` BEGIN UPDATE `protected_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_accused_added` AFTER INSERT ON `accused` BEGIN UPDATE `protected_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_accused_changed` AFTER UPDATE OF `name`, `case_id` ON `accused` BEGIN UPDATE `protected_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_accused_removed` AFTER DELETE ON `accused` BEGIN UPDATE `protected_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_case_added` AFTER INSERT ON `cases` BEGIN UPDATE `protected_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_case_changed` AFTER UPDATE OF `fir_number`, `code`, `collective_id` ON `cases` BEGIN UPDATE `protected_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_case_removed` AFTER DELETE ON `cases` BEGIN UPDATE `protected_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
