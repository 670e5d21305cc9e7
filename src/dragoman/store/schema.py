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
]
