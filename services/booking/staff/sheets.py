"""CSV and XLSX downloads of rows staff see, through Wagtail's spreadsheet export.

Seams of SpreadsheetExportMixin we override, and why: to_row_dict and get_heading
(rows are dicts made by our views, not model instances), write_csv_row (formula
starts defused; Wagtail already writes XLSX cells as text) and stream_csv (a byte
order mark for Excel).
"""

from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from services.workbench.listing import defuse


class SheetMixin(SpreadsheetExportMixin):
    """Exports dicts keyed by `list_export`, headed by `export_headings`."""

    def to_row_dict(self, item):
        return {field: item.get(field, "") for field in self.list_export}

    def get_heading(self, queryset, field):
        return defuse(str(self.export_headings.get(field, field)))

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: defuse(self.preprocess_field_value(field, value, "csv"))
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        # A byte order mark: Excel on Chinese Windows reads CSV without it as GBK.
        yield "\ufeff".encode()
        yield from super().stream_csv(queryset)


def local(value):
    """A stored moment as local wall-clock time without zone (Excel has none)."""
    return timezone.localtime(value).replace(tzinfo=None) if value else ""
