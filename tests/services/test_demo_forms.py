"""The demo's online forms: the data file is complete and valid, the builder
publishes the forms, links their guides, moves the cases on, and a second run adds
nothing and keeps what editors changed."""

import io

import pytest
from django.core.management.base import OutputWrapper
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from cms.demo.tree import publish
from cms.models import StandardPage
from guides.models import Business, GuideCategoryPage, GuidePage
from services import demo
from services.models import (
    AnswerPage,
    CaseEvent,
    CaseFile,
    Delivery,
    Notice,
    ServiceFormPage,
    Submission,
)
from services.spec import input_fields
from tests.factories import add, make_guide

pytestmark = pytest.mark.single_db

FORMS = demo.demo_forms()
BY_SLUG = {form.slug: form for form in FORMS}


def fields_of(form: demo.DemoForm) -> dict[str, dict]:
    return {f["key"]: f for f in input_fields(demo.form_page(form).spec)}


def test_the_forms_cover_the_eight_businesses_and_the_four_interactions():
    business = demo.guide_businesses()
    applications = [form for form in FORMS if form.kind == "application"]
    assert len(applications) >= 12
    assert {business[form.guides[0]] for form in applications} == set(Business.values)
    others = sorted(form.kind for form in FORMS if form.kind != "application")
    assert others == ["accident", "hazard", "question", "survey"]
    for form in FORMS:
        assert all(name in business for name in form.guides), form.title
        assert bool(form.section) == (form.kind != "application"), form.title
        assert form.cases, f"{form.title}: no demo case"


def test_the_special_forms_have_what_the_mission_asks_for():
    seal = fields_of(BY_SLUG["seal-filing"])
    assert BY_SLUG["seal-filing"].push_to_seal_filing
    assert seal["credit_code"]["type"] == "text"
    assert seal["seal_types"]["multiple"]
    assert seal["legal_rep_name"]["type"] == "name"
    assert seal["legal_rep_id"]["type"] == "resident_id"
    assert seal["business_licence"]["type"] == "file"

    certificate = BY_SLUG["household-certificate"]
    assert certificate.courier
    assert "delivery_address" in fields_of(certificate)

    pre_application = BY_SLUG["exit-entry-pre-application"]
    page = demo.form_page(pre_application)
    assert pre_application.courier and pre_application.pickup_locations
    assert len(page.spec["steps"]) >= 5
    photo = fields_of(pre_application)["photo"]
    assert photo["type"] == "file" and photo["allowed_types"] == ["jpg"]
    assert any(f["condition"] for f in input_fields(page.spec))

    survey = fields_of(BY_SLUG["satisfaction"])
    assert [c["value"] for c in survey["rating"]["choices"]] == list("54321")
    assert survey["rating"]["choices"][0]["label"] == "非常满意"
    assert not BY_SLUG["satisfaction"].contact_required
    consent = fields_of(BY_SLUG["questions"])["publish_consent"]
    assert consent["type"] == "declaration" and not consent["required"]
    hazard = fields_of(BY_SLUG["hazard-report"])
    assert not BY_SLUG["hazard-report"].contact_required
    assert {"address", "file", "textarea"} <= {f["type"] for f in hazard.values()}
    accident = fields_of(BY_SLUG["accident"])
    assert sum(f["type"] == "plate" for f in accident.values()) == 2
    assert accident["scene_photos"]["max_files"] > 1
    assert "party_b_insurer" in accident


@pytest.mark.parametrize("form", [pytest.param(form, id=form.slug) for form in FORMS])
@pytest.mark.django_db  # a page's content type is looked up once per process
def test_each_form_passes_the_admins_checks(form):
    page = demo.form_page(form)
    page.form_fields.stream_block.clean(page.form_fields)
    keys = [entry.key for entry in form.fields if hasattr(entry, "key")]
    assert [f["key"] for f in input_fields(page.spec)][: len(keys)] == keys


def test_a_mistake_in_a_data_file_names_the_file_and_the_place(tmp_path):
    (tmp_path / "forms").mkdir()
    (tmp_path / "guides").symlink_to(demo.DATA / "guides")
    bad = tmp_path / "forms" / "bad.toml"
    bad.write_text(
        '[[forms]]\ntitle = "表单"\nslug = "a-form"\nteaser = "摘要"\n'
        'section = "interaction"\n\n[[forms.fields]]\ntype = "text"\nkey = "one"\n'
        'label = "一"\ncondition = { field = "two", value = "x" }\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"forms/bad.toml: .*'two'.* not an earlier"):
        demo.demo_forms(tmp_path)
    bad.write_text(
        '[[forms]]\ntitle = "表单"\nslug = "a-form"\nteaser = "摘要"\n'
        'section = "interaction"\n\n[[forms.fields]]\ntype = "text"\nkey = "one"\n'
        'label = "一"\nrequird = false\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"unknown field `requird`.*fields\[0\]"):
        demo.demo_forms(tmp_path)


@pytest.fixture
def demo_tree(tree):
    """The test tree with the eight businesses, the guides the forms name and the
    警民互动 section under its demo slug."""
    categories = {"exit_entry": tree["category"]}
    for business, label in Business.choices:
        if business not in categories:
            categories[business] = add(
                tree["guides"],
                GuideCategoryPage(
                    title=str(label),
                    slug=business.replace("_", "-"),
                    business=business,
                ),
            )
    business_of = demo.guide_businesses()
    for name in sorted({name for form in FORMS for name in form.guides}):
        make_guide(categories[business_of[name]], title=name)
    add(tree["home"], StandardPage(title="警民互动", slug="interaction"))
    return tree["home"]


def build(home, user, first_build=False) -> tuple[list, str]:
    out = io.StringIO()
    made = demo.build_forms(home, user, first_build, OutputWrapper(out))
    return made, out.getvalue()


def counts() -> dict:
    return {
        "forms": ServiceFormPage.objects.count(),
        "cases": Submission.objects.count(),
        "events": CaseEvent.objects.count(),
        "files": CaseFile.objects.count(),
        "guide_revisions": sum(g.revisions.count() for g in GuidePage.objects.all()),
    }


@pytest.mark.django_db
def test_builder_publishes_links_moves_cases_and_adds_only_what_is_missing(
    demo_tree, superuser, client, django_capture_on_commit_callbacks
):
    # An existing site built before the forms: every form is missing, so made.
    with django_capture_on_commit_callbacks(execute=True):
        made, output = build(demo_tree, superuser)
    assert len(made) == len(FORMS)
    assert f"Online forms: {len(FORMS)} published" in output

    for form in FORMS:
        page = ServiceFormPage.objects.get(slug=form.slug)
        assert page.live and page.kind == form.kind
        parent = page.get_parent().specific
        if form.section:
            assert parent.slug == form.section
        else:
            assert parent.business == demo.guide_businesses()[form.guides[0]]
        for name in form.guides:
            guide = GuidePage.objects.get(title=name)
            assert guide.apply_link() == page.url, name
            assert guide.live_revision.as_object().apply_form_id == page.pk
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.spec["steps"][0]["title"] in response.content.decode()

        cases = {c.idempotency_key: c for c in Submission.objects.filter(page=page)}
        assert len(cases) == len(form.cases)
        for case in form.cases:
            submission = cases[f"demo-{case.key}"]
            expected = case.moves[-1].status if case.moves else "submitted"
            assert submission.status == expected, case.key
            assert submission.events.count() == 1 + len(case.moves)
            names = [
                name
                for key, answer in case.answers.items()
                if isinstance(answer, list) and fields_of(form)[key]["type"] == "file"
                for name in answer
            ]
            assert submission.files.count() == len(names), case.key
            # A rating carries its case's phone (only the applicant may rate).
            has_phone = "contact_phone" in case.answers or bool(case.rates)
            assert bool(submission.phone) == has_phone, case.key

    ratings = Submission.objects.filter(page__slug="satisfaction")
    assert sorted(ratings.values_list("rating", flat=True)) == [2, 4, 5]
    rated = Submission.objects.get(idempotency_key="demo-jg-licence-renewal")
    assert rated.evaluation.rating == 5
    asked = Submission.objects.get(publish_consent=True)
    answer = AnswerPage.objects.get(case=asked)
    assert answer.live and answer.get_parent().slug == "questions"
    assert asked.published and "新旧两本护照" in client.get(answer.url).text
    assert not Delivery.objects.exists()  # demo filings never reach the real system
    seal_case = Submission.objects.get(idempotency_key="demo-za-seal-new")
    assert seal_case.form_data["legal_rep_id"].startswith("enc:")
    assert Notice.objects.filter(submission=seal_case).count() == 1
    assert not CaseFile.objects.filter(submission__isnull=True).exists()

    # Editors rename one form, point a guide elsewhere, and delete another form.
    built = counts()
    seal = ServiceFormPage.objects.get(slug="seal-filing")
    seal.title = "公章刻制备案（企业）"
    seal.slug = "seal"
    publish(seal)
    guide = GuidePage.objects.get(title="居住证申领")
    guide.apply_form = None
    guide.apply_url = "https://example.com/residence"
    publish(guide)
    visa = ServiceFormPage.objects.get(slug="visa-extension")
    Submission.objects.filter(page=visa).delete()  # cases protect their form
    log(visa, "wagtail.delete")
    visa.delete()
    assert PageLogEntry.objects.filter(label="外国人签证延期预申请").exists()
    edited = counts()
    assert edited["forms"] == built["forms"] - 1

    made, output = build(demo_tree, superuser)
    assert made == [] and "none added" in output
    assert counts() == edited
    seal.refresh_from_db()
    assert (seal.title, seal.slug) == ("公章刻制备案（企业）", "seal")
    guide.refresh_from_db()
    assert guide.apply_form is None
    assert guide.apply_link() == "https://example.com/residence"
    assert not ServiceFormPage.objects.filter(slug="visa-extension").exists()

    # --reset: cases and their files go first (they protect their forms) …
    files = [f.file.name for f in CaseFile.objects.all()]
    storage = CaseFile._meta.get_field("file").storage
    assert files and all(storage.exists(name) for name in files)
    with django_capture_on_commit_callbacks(execute=True):
        assert demo.remove_cases() == edited["cases"]
    assert not Submission.objects.exists() and not CaseFile.objects.exists()
    assert not any(storage.exists(name) for name in files)
    for page in ServiceFormPage.objects.all():
        page.delete()
    # … and the first build of the new tree makes every form, whatever was logged.
    assert build(demo_tree, superuser)[0] == []
    made, _output = build(demo_tree, superuser, first_build=True)
    assert len(made) == len(FORMS)
    assert Submission.objects.count() == sum(len(form.cases) for form in FORMS)
