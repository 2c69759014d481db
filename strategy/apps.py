from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Information strategy and news")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_save

        from core import home
        from strategy.governance import RULES, page_created
        from strategy.models import useful_this_year

        home.register_usage(useful_this_year)

        for app_label, model_name in RULES:
            post_save.connect(
                page_created,
                sender=apps.get_model(app_label, model_name),
                dispatch_uid=f"govern_{app_label}_{model_name}",
            )
