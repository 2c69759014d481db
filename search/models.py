"""Synonyms and abbreviations editors maintain, used by the search analysis."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class SynonymGroup(models.Model):
    """Words and phrases that mean the same to a practitioner: "SKP, støttekontaktperson, § 99".

    A search for any of them finds pages that use any other. One-way groups ("udskrivningsaftale
    also finds koordinationsplan, not the reverse") are marked as such.
    """

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("da", _("Danish")), ("en", _("English"))],
        default="da",
    )
    terms = models.TextField(
        _("words and phrases"),
        help_text=_("Separated by commas, e.g. SKP, støtte- og kontaktperson, støttekontaktperson"),
    )
    one_way = models.BooleanField(
        _("one way"),
        default=False,
        help_text=_("Only the first word finds the others, not the other way round."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("terms"),
        FieldPanel("one_way"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["language", "terms"]

    def __str__(self):
        return self.terms[:80]

    def term_list(self):
        return [t.strip() for t in self.terms.split(",") if t.strip()]
