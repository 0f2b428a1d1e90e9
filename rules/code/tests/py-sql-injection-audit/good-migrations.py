from django.db import migrations


def copy_lists(apps, schema_editor):
    model = apps.get_model("archive", "MailingList")
    fields = [schema_editor.quote_name(f.column) for f in model._meta.local_fields]
    # Names from the model's own fields, run once by `manage.py migrate`.
    schema_editor.execute(
        "INSERT INTO %s (%s) SELECT %s FROM %s ORDER BY name"
        % (model._meta.db_table, ", ".join(fields), ", ".join(fields), "archive_old")
    )


class Migration(migrations.Migration):
    dependencies = [("archive", "0012_previous")]
    operations = [migrations.RunPython(copy_lists)]
