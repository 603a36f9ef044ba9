from django.contrib import admin

from .models import Indicator, Municipality, Observation, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    search_fields = ["code", "name"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["kpi", "short_title_sv", "unit", "source", "reference_only", "data_updated_at"]
    search_fields = ["kpi", "title_sv", "title_en"]
    readonly_fields = ["data_updated_at"]


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    """Figures come from the importer (import_kolada); the admin only shows them."""

    list_display = [
        "indicator",
        "area_type",
        "municipality",
        "region",
        "year",
        "gender",
        "value",
        "status",
    ]
    list_filter = ["indicator", "area_type", "gender", "status", "year"]
    search_fields = ["municipality__name", "municipality__code"]
    list_select_related = ["indicator", "municipality", "region"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
