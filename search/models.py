"""Editor-managed search synonyms."""

from django.db import models
from django.utils.translation import gettext_lazy as _

SEPARATORS = str.maketrans({"，": ",", "、": ",", "；": ",", ";": ",", "\n": ","})


class SynonymGroup(models.Model):
    """Words that mean the same to a citizen, e.g. 驾照, 机动车驾驶证."""

    terms = models.TextField(
        _("同义词"),
        help_text=_(
            "用逗号或顿号分隔，例如：驾照、机动车驾驶证。保存后下一次搜索即生效。"
        ),
    )
    note = models.CharField(_("备注"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("搜索同义词")
        verbose_name_plural = _("搜索同义词")
        ordering = ["pk"]

    def __str__(self) -> str:
        return "、".join(self.term_list())

    def term_list(self) -> list[str]:
        """The terms as a list, whatever separators the editor typed."""
        return [
            t.strip() for t in self.terms.translate(SEPARATORS).split(",") if t.strip()
        ]

    def clean(self):
        from django.core.exceptions import ValidationError

        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("请至少填写两个同义的词语。")})
