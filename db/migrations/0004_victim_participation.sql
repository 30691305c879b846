ALTER TABLE `victims` ADD `last_informed_on` text;--> statement-breakpoint
ALTER TABLE `victims` ADD `heard_at_bail` integer;--> statement-breakpoint
ALTER TABLE `victims` ADD `escorted_when_summoned` integer;--> statement-breakpoint
ALTER TABLE `victims` ADD `support_person_at_testimony` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `victims` ADD `threat_reported` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `victims` ADD `threat_acted_on` integer DEFAULT false NOT NULL;