from django.db import migrations

from frontdoor.audit.triggers import install_triggers, remove_triggers


def install(apps, schema_editor):
    install_triggers(schema_editor.execute, schema_editor.connection.vendor)


def remove(apps, schema_editor):
    remove_triggers(schema_editor.execute, schema_editor.connection.vendor)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(install, remove)]
