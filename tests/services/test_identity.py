"""Identity validators and masks: what passes, what fails and what is never echoed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from services import regions
from services.identity import (
    DocumentType,
    mask_id,
    mask_name,
    mask_phone,
    mask_text,
    validate_chinese_name,
    validate_document,
    validate_mobile,
    validate_plate,
    validate_resident_id,
)

pytestmark = pytest.mark.single_db


def resident_id(region="110105", birth="19491231", sequence="002"):
    """A resident ID with its check character computed by stdnum."""
    body = region + birth + sequence
    return body + ric.calc_check_digit(body + "?")


def permanent_residence_2023(body="9110840199001010"):
    """An 18-character foreigner's card number, 9 + 16 digits + MOD 11-2 check."""
    body17 = body + "1"
    return body17 + ric.calc_check_digit(body17 + "?")


def error_of(validate, *args):
    with pytest.raises(ValidationError) as raised:
        validate(*args)
    return raised.value


def assert_not_echoed(error, value):
    """No message holds the value or any run of 4 of its characters."""
    compact = "".join(value.split()).upper()
    for message in error.messages:
        assert not value.strip() or value.strip() not in message
        for start in range(len(compact) - 3):
            assert compact[start : start + 4] not in message.upper()


LEAP_DAY = resident_id("440300", "20000229", "123")


def test_helper_reproduces_the_standards_own_example():
    assert resident_id() == "11010519491231002X"
    assert resident_id("360426", "19910101", "007") == "360426199101010071"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        (" 110105 19491231 002x ", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
        (LEAP_DAY, LEAP_DAY),
    ],
)
def test_resident_id_accepts_and_normalises(raw, expected):
    assert validate_resident_id(raw) == expected


def test_resident_id_accepts_a_code_created_after_the_birth():
    # 440103 荔湾区 dates from 1983; people born earlier were registered under it.
    number = resident_id("440103", "19700101", "001")
    assert validate_resident_id(number) == number


def test_resident_id_accepts_an_abolished_code_for_people_born_before():
    number = resident_id("110103", "19900101", "001")  # 崇文区, abolished 2010
    assert validate_resident_id(number) == number
    born_after = resident_id("110103", "20150101", "001")
    assert error_of(validate_resident_id, born_after).code == "region"


def test_resident_id_accepts_births_up_to_today():
    today = timezone.localdate().strftime("%Y%m%d")
    number = resident_id("110105", today, "001")
    assert validate_resident_id(number) == number


def _bad_resident_ids():
    good = resident_id()
    wrong_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%Y%m%d")
    assert not regions.is_known("123456")
    return [
        ("", "required"),
        ("   ", "required"),
        (good[:-1], "length"),
        (good + "1", "length"),
        ("110105491231002", "length"),  # a first-generation 15-digit number
        (good[:-1] + "A", "format"),
        ("1101051949123100XX", "format"),
        ("11010519491231O02X", "format"),
        (resident_id(birth="19491331"), "birth_date"),
        (resident_id(birth="19490230"), "birth_date"),
        (resident_id(birth="20230229"), "birth_date"),
        (resident_id(birth=tomorrow), "birth_date"),
        (resident_id(birth="20990101"), "birth_date"),
        (resident_id(birth="18991231"), "birth_date"),
        (wrong_check, "checksum"),
        (resident_id(region="123456"), "region"),
        (resident_id(region="990000"), "region"),
    ]


@pytest.mark.parametrize("raw, code", _bad_resident_ids())
def test_resident_id_rejects_with_a_reason_and_without_echo(raw, code):
    error = error_of(validate_resident_id, raw)
    assert error.code == code
    assert error.messages[0].endswith("。")
    assert_not_echoed(error, raw)


def test_resident_id_reasons_have_distinct_messages():
    by_code = {}
    for raw, code in _bad_resident_ids():
        by_code.setdefault(code, set()).add(
            error_of(validate_resident_id, raw).messages[0]
        )
    messages = [message for group in by_code.values() for message in group]
    assert len(set(messages)) == len(messages)
    assert set(by_code) == {
        "required",
        "length",
        "format",
        "birth_date",
        "checksum",
        "region",
    }


@given(st.text(alphabet="0123456789Xx -", min_size=5, max_size=24))
def test_no_resident_id_message_contains_the_number(raw):
    try:
        validate_resident_id(raw)
    except ValidationError as error:
        assert_not_echoed(error, raw)


def test_document_types_are_the_five_agreed():
    assert dict(DocumentType.choices) == {
        "resident_id": "居民身份证",
        "passport": "护照",
        "hk_macao_permit": "港澳居民来往内地通行证",
        "taiwan_permit": "台湾居民来往大陆通行证",
        "foreign_permanent_residence": "外国人永久居留身份证",
    }


@pytest.mark.parametrize(
    "kind, raw, expected",
    [
        (DocumentType.RESIDENT_ID, resident_id().lower(), resident_id()),
        ("resident_id", resident_id(), resident_id()),
        (DocumentType.PASSPORT, "E12345678", "E12345678"),
        (DocumentType.PASSPORT, "ea1234567", "EA1234567"),
        (DocumentType.PASSPORT, "G12345678", "G12345678"),
        (DocumentType.PASSPORT, "C01X 00T47", "C01X00T47"),
        (DocumentType.PASSPORT, "12345", "12345"),
        (DocumentType.PASSPORT, "A" * 17, "A" * 17),
        (DocumentType.HK_MACAO_PERMIT, "H12345678", "H12345678"),
        (DocumentType.HK_MACAO_PERMIT, "m1234567890", "M1234567890"),
        (DocumentType.TAIWAN_PERMIT, "12345678", "12345678"),
        (DocumentType.TAIWAN_PERMIT, "1234567890", "1234567890"),
        (
            DocumentType.FOREIGN_PERMANENT_RESIDENCE,
            "usa310012345678",
            "USA310012345678",
        ),
        (
            DocumentType.FOREIGN_PERMANENT_RESIDENCE,
            permanent_residence_2023(),
            permanent_residence_2023(),
        ),
    ],
)
def test_documents_accept_and_normalise(kind, raw, expected):
    assert validate_document(kind, raw) == expected


@pytest.mark.parametrize(
    "kind, raw, code",
    [
        (DocumentType.RESIDENT_ID, resident_id()[:-1], "length"),
        (DocumentType.PASSPORT, "", "required"),
        (DocumentType.PASSPORT, "E123", "format"),
        (DocumentType.PASSPORT, "A" * 18, "format"),
        (DocumentType.PASSPORT, "E1234567@", "format"),
        (DocumentType.PASSPORT, "护照12345", "format"),
        (DocumentType.HK_MACAO_PERMIT, "H1234567", "format"),
        (DocumentType.HK_MACAO_PERMIT, "H123456789", "format"),
        (DocumentType.HK_MACAO_PERMIT, "K12345678", "format"),
        (DocumentType.HK_MACAO_PERMIT, "12345678", "format"),
        (DocumentType.TAIWAN_PERMIT, "1234567", "format"),
        (DocumentType.TAIWAN_PERMIT, "123456789", "format"),
        (DocumentType.TAIWAN_PERMIT, "T1234567", "format"),
        (DocumentType.FOREIGN_PERMANENT_RESIDENCE, "US1234567890123", "format"),
        (DocumentType.FOREIGN_PERMANENT_RESIDENCE, "USA31001234567", "format"),
        (DocumentType.FOREIGN_PERMANENT_RESIDENCE, resident_id(), "format"),
        (
            DocumentType.FOREIGN_PERMANENT_RESIDENCE,
            permanent_residence_2023()[:-1]
            + ("0" if permanent_residence_2023()[-1] != "0" else "1"),
            "checksum",
        ),
        ("driving_licence", "E12345678", "document_type"),
        ("", "E12345678", "document_type"),
        (None, "E12345678", "document_type"),
    ],
)
def test_documents_reject_without_echo(kind, raw, code):
    error = error_of(validate_document, kind, raw)
    assert error.code == code
    assert_not_echoed(error, raw)


@pytest.mark.parametrize(
    "raw",
    [
        "13812341234",
        "138 1234 1234",
        "138-1234-1234",
        "+86 138 1234 1234",
        "+86-13812341234",
        "008613812341234",
        "１３８１２３４１２３４",
        "+８６ 13812341234",
    ],
)
def test_mobile_accepts_common_spellings(raw):
    assert validate_mobile(raw) == "13812341234"


def test_mobile_accepts_every_second_digit_from_3_to_9():
    for second in "3456789":
        assert validate_mobile(f"1{second}012345678") == f"1{second}012345678"


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "required"),
        ("12812341234", "format"),
        ("23812341234", "format"),
        ("1381234123", "format"),
        ("138123412345", "format"),
        ("8613812341234", "format"),
        ("+8513812341234", "format"),
        ("1381234123a", "format"),
        ("+86", "format"),
    ],
)
def test_mobile_rejects_without_echo(raw, code):
    error = error_of(validate_mobile, raw)
    assert error.code == code
    assert_not_echoed(error, raw)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("京A12345", "京A12345"),
        ("京a 12345", "京A12345"),
        ("京A·12345", "京A12345"),
        ("沪B-A1B2C", "沪BA1B2C"),
        ("粤BD12345", "粤BD12345"),  # small new-energy, battery
        ("粤BFA1234", "粤BFA1234"),  # small new-energy, other
        ("沪A12345D", "沪A12345D"),  # large new-energy
        ("京A1234警", "京A1234警"),
        ("粤O1234警", "粤O1234警"),
        ("川A1234学", "川A1234学"),
        ("鲁B1234挂", "鲁B1234挂"),
        ("沪A1234领", "沪A1234领"),
        ("粤Z1234港", "粤Z1234港"),
        ("粤ZA123澳", "粤ZA123澳"),
        ("琼Ａ１２３４５", "琼A12345"),
    ],
)
def test_plate_accepts_and_normalises(raw, expected):
    assert validate_plate(raw) == expected


def test_plate_accepts_every_province_abbreviation():
    for province in "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼":
        assert validate_plate(province + "A12345") == province + "A12345"


@pytest.mark.parametrize(
    "raw",
    [
        "京A1234",  # one short
        "京A123456",  # six without a new-energy letter
        "京I12345",  # I is never an authority letter
        "京A1234I",  # I and O never appear in the serial
        "京AO2345",
        "京AD1234A",  # small new-energy: last four are digits
        "京A1234DD",
        "京A12345X",
        "港A12345",  # not a province abbreviation
        "台A12345",
        "京A1234港",  # 港/澳 plates are 粤Z only
        "粤B1234港",
        "京A12345警",
        "A12345",
        "京12345",
        "",
    ],
)
def test_plate_rejects_without_echo(raw):
    error = error_of(validate_plate, raw)
    assert error.code == ("required" if not raw else "format")
    assert_not_echoed(error, raw)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("张三", "张三"),
        ("  欧阳小明 ", "欧阳小明"),
        ("阿卜杜拉·艾力", "阿卜杜拉·艾力"),
        ("阿卜杜拉•艾力", "阿卜杜拉·艾力"),
        ("阿卜杜拉・艾力", "阿卜杜拉·艾力"),
        ("买买提·艾力·吐尔逊", "买买提·艾力·吐尔逊"),
        ("𠮷野", "𠮷野"),  # a character outside the basic plane
        ("王〇", "王〇"),
        ("张" * 30, "张" * 30),
    ],
)
def test_name_accepts_and_normalises(raw, expected):
    assert validate_chinese_name(raw) == expected


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "required"),
        ("   ", "required"),
        ("张", "length"),
        ("张" * 31, "length"),
        ("Zhang San", "format"),
        ("张三1", "format"),
        ("张 三", "format"),
        ("·张三", "format"),
        ("张三·", "format"),
        ("阿卜杜拉··艾力", "format"),
        ("张三<b>", "format"),
    ],
)
def test_name_rejects_without_echo(raw, code):
    error = error_of(validate_chinese_name, raw)
    assert error.code == code
    if raw.strip():
        for message in error.messages:
            assert raw.strip() not in message


def test_masks_match_the_agreed_examples():
    assert mask_id("11010519491231002X") == "110***********002X"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳小明") == "欧***"
    assert mask_phone("13812341234") == "138****1234"


def test_mask_id_keeps_less_of_shorter_documents():
    assert mask_id("E12345678") == "E******78"
    assert mask_id("H1234567890") == "H********90"
    assert mask_id("USA310012345678") == "USA********5678"
    assert mask_id("ab") == "**"
    assert "19491231" not in mask_id(resident_id())


def test_mask_phone_normalises_first_and_still_masks_other_numbers():
    assert mask_phone("+86 138-1234-1234") == "138****1234"
    assert mask_phone("010-12345678") == "010*****5678"
    assert mask_phone("12345") == "1****"


def test_mask_text_caps_the_asterisks():
    assert mask_text("abc") == "a**"
    assert mask_text("someone.with.a.long.name") == "s******"
    assert mask_text("x") == "*"
    assert mask_name("张") == "*"
    assert mask_text(12345) == "1****"


@pytest.mark.parametrize("mask", [mask_id, mask_name, mask_phone, mask_text])
@pytest.mark.parametrize(
    "odd", [None, "", "   ", 0, 12.5, ["a"], "\x00", "\ud800", "😀"]
)
def test_masks_never_raise_on_odd_input(mask, odd):
    assert isinstance(mask(odd), str)


@given(st.text(st.characters(exclude_characters="*"), min_size=4))
def test_masks_never_return_a_long_value_whole(text):
    for mask in (mask_id, mask_name, mask_phone, mask_text):
        masked = mask(text)
        assert isinstance(masked, str)
        if len(text.strip()) >= 4:
            assert masked != text.strip()
