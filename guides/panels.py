"""The guide's editing form: one tab per part of a 办事指南, as editors know it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)

from cms.models import BasePage


def guide_edit_handler() -> TabbedInterface:
    """Some 60 inputs in eight tabs instead of one 9,000-pixel page."""
    return TabbedInterface(
        [
            ObjectList(
                [
                    *BasePage.content_panels,
                    FieldRowPanel([FieldPanel("item_code"), FieldPanel("item_type")]),
                    FieldPanel("responsible_body"),
                    FieldRowPanel(
                        [
                            FieldPanel("serves_citizens"),
                            FieldPanel("serves_companies"),
                            FieldPanel("serves_foreigners"),
                        ],
                        heading=_("服务对象"),
                    ),
                    FieldPanel("popular"),
                    FieldPanel("legal_basis"),
                ],
                heading=_("基本信息"),
            ),
            ObjectList(
                [FieldPanel("conditions"), FieldPanel("materials")],
                heading=_("申请条件与材料"),
            ),
            ObjectList(
                [
                    FieldPanel("steps"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("visits"), FieldPanel("online_depth")]
                            ),
                            FieldRowPanel(
                                [
                                    FieldPanel("appointment_supported"),
                                    FieldPanel("courier_supported"),
                                ]
                            ),
                            PageChooserPanel("apply_form", "services.ServiceFormPage"),
                            FieldPanel("apply_url"),
                            FieldPanel("appointment_offer"),
                        ],
                        heading=_("办理方式"),
                    ),
                ],
                heading=_("办理流程"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [
                                    FieldPanel("statutory_days"),
                                    FieldPanel("statutory_day_type"),
                                ]
                            ),
                            FieldRowPanel(
                                [
                                    FieldPanel("promised_days"),
                                    FieldPanel("promised_day_type"),
                                ]
                            ),
                        ],
                        heading=_("办理时限"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("fee_free"),
                            FieldRowPanel(
                                [FieldPanel("fee_amount"), FieldPanel("fee_unit")]
                            ),
                            FieldPanel("fee_basis"),
                        ],
                        heading=_("收费"),
                    ),
                ],
                heading=_("时限与收费"),
            ),
            ObjectList(
                [
                    FieldPanel("where_to_apply"),
                    FieldRowPanel(
                        [FieldPanel("consult_phone"), FieldPanel("complaint_phone")]
                    ),
                ],
                heading=_("地点与咨询"),
            ),
            ObjectList([FieldPanel("faqs")], heading=_("常见问题")),
            ObjectList(
                [
                    InlinePanel("related_items", label=_("相关事项")),
                    *BasePage.promote_panels,
                ],
                heading=_("推荐"),
            ),
            ObjectList(BasePage.settings_panels, heading=_("设置")),
        ]
    )
