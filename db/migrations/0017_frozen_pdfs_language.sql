PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_frozen_pdfs` (
	`meeting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`pdf` blob NOT NULL,
	`rendered_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`meeting_id`, `kind`, `version`, `language`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_frozen_pdfs`("meeting_id", "kind", "version", "language", "pdf", "rendered_at") SELECT "meeting_id", "kind", "version", 'en', "pdf", "rendered_at" FROM `frozen_pdfs`;--> statement-breakpoint
DROP TABLE `frozen_pdfs`;--> statement-breakpoint
ALTER TABLE `__new_frozen_pdfs` RENAME TO `frozen_pdfs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;