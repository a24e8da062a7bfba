"""What editors classify exhibits by: categories, materials and grades."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExhibitGrade(models.TextChoices):
    """The grade of a museum object under the cultural-relics rules (文物定级)."""

    GRADE_1 = "grade_1", _("一级文物")
    GRADE_2 = "grade_2", _("二级文物")
    GRADE_3 = "grade_3", _("三级文物")
    GENERAL = "general", _("一般文物")
    REFERENCE = "reference", _("参考品")


class Term(models.Model):
    """A named, sorted term with a slug for URLs (?category=firearms)."""

    name = models.CharField(_("名称"), max_length=50, unique=True)
    slug = models.SlugField(
        _("网址名称"),
        max_length=50,
        unique=True,
        help_text=_("用于网址筛选，只能使用小写字母、数字和连字符，例如 firearms。"),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("排序"), default=0, help_text=_("数字小的排在前面。")
    )

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ExhibitCategory(Term):
    """A kind of object: firearms, ranks and insignia, uniforms, fire engines…"""

    class Meta(Term.Meta):
        verbose_name = _("藏品类别")
        verbose_name_plural = _("藏品类别")


class ExhibitMaterial(Term):
    """What an object is made of: steel, cloth, paper…"""

    class Meta(Term.Meta):
        verbose_name = _("藏品材质")
        verbose_name_plural = _("藏品材质")
