"""The SQLite schema, as an ordered list of migrations.

``PRAGMA user_version`` records how many have run; opening a store runs the
rest, each in its own transaction. Add a migration, never edit a past one.
"""

MIGRATIONS: list[str] = [
    # 1: documents, articles and their parts, NLP annotations
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        uri TEXT NOT NULL,
        content_type TEXT NOT NULL,
        encoding TEXT,
        size INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY REFERENCES documents(id),
        uri TEXT NOT NULL,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        outlet TEXT,
        published TEXT,
        published_source TEXT,
        page_date TEXT,
        section TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        language TEXT,
        text TEXT NOT NULL,
        bio TEXT,
        refs TEXT NOT NULL DEFAULT '[]',
        signature TEXT,
        removed TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE comments (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        title TEXT,
        author TEXT,
        published TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, n)
    );
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (article_id, n)
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, start, "end", label)
    );
    CREATE TABLE failures (
        source TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        seen_at TEXT NOT NULL
    );
    """,
    # 2: actor mentions, events, quotes
    """
    CREATE TABLE actor_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        name TEXT NOT NULL,
        code TEXT,
        country TEXT,
        role TEXT,
        kind TEXT,
        PRIMARY KEY (article_id, start, "end")
    );
    CREATE INDEX actor_mentions_code ON actor_mentions(code);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        date TEXT,
        date_precision TEXT,
        date_source TEXT,
        source_name TEXT,
        source_code TEXT,
        source_kind TEXT,
        target_name TEXT,
        target_code TEXT,
        target_kind TEXT,
        cameo TEXT NOT NULL,
        root TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        plover TEXT,
        plover_mode TEXT,
        place_name TEXT,
        place_country TEXT,
        place_lat REAL,
        place_lon REAL,
        negated INTEGER NOT NULL,
        modality TEXT NOT NULL,
        asserted_by TEXT,
        trigger TEXT,
        sentence TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_source ON events(source_code);
    CREATE INDEX events_target ON events(target_code);
    CREATE INDEX events_cameo ON events(cameo);
    CREATE INDEX events_article ON events(article_id);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        speaker TEXT,
        actor_code TEXT,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        cue TEXT,
        via TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    """,
    # 3: stories (incremental grouping of articles)
    """
    CREATE TABLE article_terms (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        term TEXT NOT NULL,
        tf INTEGER NOT NULL,
        PRIMARY KEY (article_id, term)
    );
    CREATE TABLE term_df (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_date TEXT,
        last_date TEXT,
        n_articles INTEGER NOT NULL DEFAULT 0,
        manual INTEGER NOT NULL DEFAULT 0,
        norm REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX stories_dates ON stories(last_date, first_date);
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
        score REAL,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE TABLE story_terms (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        term TEXT NOT NULL,
        weight REAL NOT NULL,
        PRIMARY KEY (story_id, term)
    );
    CREATE TABLE story_actors (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        n INTEGER NOT NULL,
        last_date TEXT,
        PRIMARY KEY (story_id, code)
    );
    CREATE INDEX story_actors_recent ON story_actors(code, last_date);
    """,
    # 4: full-text search over articles (FTS5, kept in step by triggers)
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    INSERT INTO articles_fts(rowid, title, text) SELECT rowid, title, text FROM articles;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    """,
    # 5: indexes the web app's filters and sorts use
    """
    CREATE INDEX events_goldstein ON events(goldstein);
    CREATE INDEX events_source_name ON events(source_name);
    CREATE INDEX events_target_name ON events(target_name);
    """,
    # 6: tone toward each actor mention (NULL for articles stored before: computed when asked)
    """
    ALTER TABLE actor_mentions ADD COLUMN tone REAL;
    ALTER TABLE actor_mentions ADD COLUMN tone_role TEXT;
    """,
]
