-- Name search over 100,000 persons on every keystroke: a trigram full-text index of the folded
-- names (shared with the encrypted database, so it is encrypted too). External content: the
-- index holds no second copy of the text, triggers keep it in step with `persons`.
CREATE VIRTUAL TABLE `persons_fts` USING fts5(search_text, content='persons', content_rowid='rowid', tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
CREATE TRIGGER `persons_fts_ai` AFTER INSERT ON `persons` BEGIN
  INSERT INTO persons_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `persons_fts_ad` AFTER DELETE ON `persons` BEGIN
  INSERT INTO persons_fts(persons_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `persons_fts_au` AFTER UPDATE ON `persons` BEGIN
  INSERT INTO persons_fts(persons_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO persons_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
INSERT INTO persons_fts(persons_fts) VALUES ('rebuild');
