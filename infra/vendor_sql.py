"""SQL that only one database understands, for migrations that serve both (SQLite, PostgreSQL)."""


def run_on(vendor: str, statements: list[str]):
    """A RunPython function that executes `statements` on `vendor`'s database and nowhere else."""

    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in statements:
                schema_editor.execute(statement)

    return operation
