"""Site-wide settings that editors change: bureau name, contacts, records."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs the site and how to reach them; shown in the footer and JSON-LD."""

    bureau_name = models.CharField(_("机构名称"), max_length=100, default="市公安局")
    bureau_name_en = models.CharField(
        _("机构英文名称"), max_length=200, default="Municipal Public Security Bureau"
    )
    address = models.CharField(_("地址"), max_length=200, blank=True)
    address_en = models.CharField(_("英文地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    emergency_phone = models.CharField(_("报警电话"), max_length=20, default="110")
    service_phone = models.CharField(_("服务热线"), max_length=30, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    icp_number = models.CharField(_("ICP 备案号"), max_length=50, blank=True)
    police_record_number = models.CharField(
        _("公安机关备案号"), max_length=50, blank=True
    )
    weibo_url = models.URLField(_("官方微博地址"), blank=True)
    wechat_account = models.CharField(_("微信公众号"), max_length=50, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("bureau_name"),
                FieldPanel("bureau_name_en"),
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("postcode"),
            ],
            heading=_("机构"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("emergency_phone"),
                FieldPanel("service_phone"),
                FieldPanel("email"),
                FieldPanel("weibo_url"),
                FieldPanel("wechat_account"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("police_record_number")],
            heading=_("备案信息"),
        ),
    ]

    class Meta:
        verbose_name = _("站点设置")
