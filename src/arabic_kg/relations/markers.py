"""Closed-class words the relation stage reads: prepositions, negation, modality, speech, fillers.

These are grammar words of Arabic, not domain vocabulary, so they live in code; the open-class
relation triggers are data (``lexicon/triggers.yaml``). Every set holds *normalized* forms
(``arabic_kg.text.normalize``: no diacritics, ا for أ/إ/آ, ي for ى, ه for ة, و for ؤ, ي for ئ) and
is matched against a token's proclitic variants, so و/ف/ب/ل/ك before a word need not be listed.
"""

from __future__ import annotations

from arabic_kg.text import normalize


def _norm(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


def _verb(past: str, present: str = "") -> frozenset[str]:
    """A few common conjugations of a verb given its 3ms past and imperfective (enough for cue words)."""
    out: set[str] = set()
    p = normalize(past)
    out.update({p, p + "ت", p + "وا", p + "ا", p + "تا", p + "نا", p + "ن"})
    if past.endswith("ى"):  # a defective verb drops its last letter: نفى → نفت، نفوا
        out.update({p[:-1] + "ت", p[:-1] + "تا", p[:-1] + "وا"})
    if present:
        stem = normalize(present)[1:]
        for pre in ("ي", "ت", "ن", "ا"):
            out.update({pre + stem, pre + stem + "ون", pre + stem + "ان", pre + stem + "ين"})
            if stem.endswith("ي"):
                out.add(pre + stem[:-1] + "ون")  # ينفي → ينفون
            out.update({"س" + pre + stem, "س" + pre + stem + "ون"})  # سيشن، ستقوم
    return frozenset(out)


def _verbs(*pairs: tuple[str, str]) -> frozenset[str]:
    out: set[str] = set()
    for past, present in pairs:
        out |= _verb(past, present)
    return frozenset(out)


# ------------------------------------------------------------------ prepositions and structure
# Note: على normalizes to علي, the same as the name علي; a token inside a name mention is never read
# as a preposition, so the clash only matters for names the NER missed.
ALA = normalize("على")
ILA = normalize("إلى")
AN = normalize("عن")
PREP_WORDS = _norm(
    "في من إلى على عن مع ضد بين حول لدى عند نحو داخل قرب عبر تجاه إزاء خلال منذ بحق بشأن مثل"
)
LOCATIVE = _norm("في داخل قرب عبر نحو خلال منذ فوق تحت شمال جنوب شرق غرب وسط قرب بالقرب أمام حول")
# Proclitic prepositions (a token's variant with ب/ل cut off).
CLITIC_PREPS = ("ب", "ل", "ك")
# By-phrases: the agent of a passive or of a noun (على أيدي X، من قبل X، من جانب X).
BY_HEADS = _norm("أيدي يد قبل جانب طرف")
# Relative pronouns: a verb right after one describes the noun before it.
RELATIVES = _norm("الذي التي الذين اللذان اللتان اللتين اللذين اللواتي اللاتي")
RELATIVE_MA = _norm("ما بما مما")  # "what", the subject of the verb after it
COMPLEMENTIZERS = _norm("إن أن بأن إنه أنه بأنه إنها أنها بأنها إنهم أنهم بأنهم إنا أننا")
CONJ_TOKENS = frozenset({"و", "،", ",", "او", "وكذلك", "وايضا"})
# Words that end a clause: arguments are not looked for across them.
BOUNDARY_WORDS = _norm(
    "فيما بينما حيث لكن لكنه لكنها ولكن بل أما إذ عندما حين بعدما مما كي لكي وذلك غداة فضلا علاوة"
)
BOUNDARY_PUNCT = frozenset({"؛", ";", ":", "(", ")", "[", "]", "!", "؟", "?", "-", "–", "—", "ـ", "/"})
COMMAS = frozenset({"،", ","})
QUOTES = frozenset({"«", "»", '"', "“", "”", "'", "‘", "’", "″"})

# ------------------------------------------------------------------ noun-phrase fillers
# Words between a preposition and the actor it introduces: sites, members, quantities
# (على مواقع لـX، ضد معسكر تدريب لإرهابيي X، أكثر من 3 آلاف من X، مقاتلي ما يسمى X).
SITE_NOUNS = _norm(
    "مواقع موقع مقار مقر مقرات معاقل معقل تجمعات تجمع تمركزات تمركز أهداف هدف معسكرات معسكر مراكز مركز "
    "مخازن مستودعات مواكب موكب رتل أرتال قوافل قافلة آليات دبابات طائرات طائرة مقاتلات سفن سفينة زوارق "
    "منشآت منشأة بنى نقاط نقطة حواجز تحصينات خطوط مناطق منطقة سيطرة مطار مطارات قواعد قاعدة ثكنة ثكنات "
    "مخيمات مخيم مواقعها أوكار وكر معسكرا مدرعات مدفعية بطاريات منصات منصة دوريات دورية عربات عربة "
    "مركبات مركبة"
)
MEMBER_NOUNS = _norm(
    "عنصرين عنصران جنديين جنديان "
    "عناصر عنصرا عنصر مسلحي مسلحين مسلحا مسلحون مسلح مقاتلي مقاتلين مقاتلا مقاتلو مقاتلون مقاتل قوات قوة "
    "ميليشيات مليشيات ميليشيا مليشيا فصائل فصيل جماعات جماعة خلايا خلية قيادات قادة قياديين قياديا قيادي "
    "أفراد جنود جنديا عسكريين ناشطين ناشطا ناشطي ناشطو ناشطون متشددين متشددي إرهابيي إرهابيين أعضاء عضو "
    "أنصار مناصري طيران "
    "مجموعة مجموعات وحدات وحدة كتائب كتيبة ألوية لواء دفعة أتباع مرتزقة صفوف تعزيزات"
)
QUANTITY_WORDS = _norm(
    "أحد إحدى عدد عشرات مئات آلاف ألف الاف مئة مائة أكثر أقل نحو حوالي قرابة زهاء بعض كل جميع معظم غالبية "
    "ما يسمى تسمى يعرف تعرف بات أي اثنين ثلاثة أربعة خمسة عشرة"
)
# Words that open a list of members of the group just counted (قتل 20 من عناصر داعش بينهم القيادي X).
MEMBERSHIP_LIST = _norm("بينهم منهم أبرزهم ضمنهم أبرزها بينها بينهما")
# في شمال فرنسا: a direction between a preposition and the place.
DIRECTION_WORDS = _norm("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي أقصى أطراف ريف ضواحي محيط")
# The accusative participle describing a strike (شنت الطائرات غارات مستهدفة مواقع X): its object was hit.
TARGETING_PARTICIPLES = _norm("مستهدفة مستهدفا مستهدفين مستهدفتين مستهدفات")
# Adjectives that may sit between a trigger noun and its genitive or adjective agent
# (الضربات الجوية التركية، غارات جوية أمريكية).
# A strike noun qualified by one of these is an attack in words (شن هجوما حادا على قطر، هجومه اللاذع
# على الحكومة، حملة إعلامية): never a strike.
VERBAL_ATTACK = _norm(
    "حاد حادا حادة الحاد الحادة لاذع لاذعا لاذعة اللاذع اللاذعة كلامي كلاميا كلامية الكلامي الكلامية "
    "إعلامي إعلاميا إعلامية الإعلامي الإعلامية لفظي لفظيا لفظية اللفظي اللفظية اللهجة"
)
NOUN_MODIFIERS = _norm(
    "الجوية جوية الجوي جوي الصاروخية صاروخية الصاروخي صاروخي العسكرية عسكرية العسكري عسكري المدفعي مدفعي "
    "الأولى أولى الأول أول الجديدة جديدة الأخيرة الأخير المكثفة مكثفة المكثف العنيفة عنيفة العنيف "
    "الأمني أمني الأمنية أمنية الاستخباراتي استخباراتي الاستخباراتية المشترك مشترك المشتركة مشتركة "
    "المباشر مباشر المباشرة مباشرة الواسعة واسعة الدقيقة المحدودة الاستطلاعية الانتحاري انتحاري "
    "الإنسانية إنسانية المالي مالي المالية مالية اللوجستي السياسي سياسي السياسية الهاتفي هاتفي الهاتفية "
    "هاتفيا الثنائي الثنائية ثنائي الثلاثي ثلاثي الرسمية الرسمي الليلة أمس اليوم فجر صباح مساء "
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم ليلة مساء أيضا "
    # adverbs between a verb and its object (هاجمت مرارا معسكرات الحزب، قصفت مجددا مواقع)
    "مرارا مجددا تكرارا بشدة بعنف بكثافة عشوائيا بعشوائية بضراوة "
    # time adverbs (تخوض حاليا معارك مع X): no construct head of the noun after them
    "حاليا الآن مؤخرا سابقا لاحقا أخيرا يوميا"
)
# Words of opposition between a support trigger and its ل-actor (تدعم جهود التصدي لداعش): the support is
# against that actor, not for it.
OPPOSING = _norm(
    "تصدي التصدي محاربة المحاربة مكافحة المكافحة مواجهة المواجهة قتال القتال طرد هزيمة القضاء ضد حرب الحرب"
)
# "His/her counterpart(s)": the person met is the same office as the one meeting them.
COUNTERPARTS = _norm("نظيره نظيرته نظيريه نظيرتها نظيرها نظراؤه نظرائه نظراءه نظيرهم نظرائهم")
# Words of titles that qualify rather than head them (الفريق *أول*، الرئيس *السابق*، الأمين *العام*):
# a trigger noun after one is not a title's complement (أول هجوم، المخلوع قصف). Adjectives in ي count too.
TITLE_QUALIFYING_WORDS = _norm("أول الأول السابق الأسبق المخلوع الحالي العام عام الخاص")

# Words before a state's name that still name the state (حكومة مصر، جمهورية ساحل العاج، دولة قطر).
STATE_HEADS = _norm("حكومة جمهورية دولة مملكة سلطنة إمارة")
# Titles of a posting: the state after في، لدى، إلى or ل is where the person serves, not his own (السفير
# الإسرائيلي في واشنطن، المبعوث الخاص لليبيا برناردينو ليون).
POSTED_TITLES = _norm("سفير السفير سفيرة السفيرة مبعوث المبعوث مبعوثة المبعوثة ممثل الممثل القنصل قنصل")
POSTING_PREPS = _norm("في لدى إلى الى ل")
# Heads that make a leader's name stand for his state's government (نظام بشار الأسد، حكومة نتنياهو). Not
# forces: قوات صالح are the deposed president's loyalists fighting his state's government.
REGIME_HEADS = _norm("نظام حكومة")

# Nouns after which a trigger names a kind of place or body (معسكر تدريب، مركز التنسيق، مجلس التعاون).
FACILITY_NOUNS = _norm(
    "معسكر معسكرات قاعدة قواعد مركز مراكز مخيم مخيمات مدرسة مدارس كلية أكاديمية مجلس منظمة وزارة وزير "
    "هيئة مكتب دورة دورات طائرة طائرات طائرتي سفينة بعثة مهمة برنامج ميدان ساحة مدرج منطقة قيادة موقع"
)
# Heads whose nationality adjective is an agent (مقاتلات تركية تقصف، الجهود الأميركية لتدريب).
# Borders: a مع after them names the neighbour (الحدود مع سوريا), not a partner.
BORDER_NOUNS = _norm("الحدود حدود حدودها حدوده حدودهما حدودنا")
# A road, bridge or line that links X to Y (يربط عدن بمحافظة لحج) does not put X in Y.
CONNECTING = _verb("ربط", "يربط") | _norm("الرابط الرابطه الرابطين الواصل الواصله الواصلين")
# The masdar of freeing a place: its genitive is the place, the enemy follows من (تحرير عدن من الحوثيين).
LIBERATION = _norm("تحرير التحرير")
# Visit verbs: the places after them are where the subject goes (يزور كينيا وإثيوبيا), never who visits.
VISIT_VERBS = _verbs(("زار", "يزور"))
# Visit nouns: a place as their genitive is where someone goes (زيارة لبنان), not who goes.
# Plural meetings held by one actor with several partners are one meeting each.
SEPARATE_MEETINGS = _norm("اجتماعات الاجتماعات لقاءات اللقاءات")
VISIT_NOUNS = _norm("زيارة زيارات الزيارة الزيارات جولة الجولة")
# Aircraft, artillery and warships: what gives fire support (مساندة طيران التحالف), never what receives it.
CRAFT_HEADS = _norm(
    "طيران الطيران طائرات الطائرات مقاتلات المقاتلات مروحيات المروحيات قاذفات القاذفات مدفعية المدفعية "
    "بوارج البوارج راجمات الراجمات"
)
AGENTIVE_HEADS = _norm(
    "مقاتلات المقاتلات طائرات الطائرات قوات القوات جنود الجنود مدفعية المدفعية بوارج سفن زوارق وحدات "
    "جهود الجهود مساعي المساعي خبراء الخبراء مستشارون مستشارين مدربون مدربين القاذفات قاذفات مروحيات "
    "المروحيات طيران الطيران دبابات الدبابات مدرعات المدرعات راجمات الراجمات "
    # one craft (قصفت طائرة أمريكية من دون طيار هدفا لداعش) and the strikes themselves (استهدفت الغارات
    # التركية قواعد الحزب): their nationality adjective is the agent
    "طائرة الطائرة مقاتلة المقاتلة مروحية المروحية قاذفة القاذفة بارجة البارجة سفينة السفينة "
    "غارات الغارات ضربات الضربات"
)
# Light verbs whose object is a trigger noun and whose subject is the agent (شنت X غارات، نفذها X).
LIGHT_VERBS = _verbs(
    ("شن", "يشن"), ("نفذ", "ينفذ"), ("قام", "يقوم"), ("أطلق", "يطلق"), ("وجه", "يوجه"), ("عقد", "يعقد"),
    ("أجرى", "يجري"), ("قدم", "يقدم"), ("وفر", "يوفر"), ("صوب", "يصوب"), ("بدأ", "يبدأ"), ("واصل", "يواصل"),
    ("كثف", "يكثف"), ("فتح", "يفتح"), ("أرسل", "يرسل"), ("منح", "يمنح"), ("تلقى", "يتلقى"),
)
LIGHT_VERBS_OBJ = frozenset(v + o for v in LIGHT_VERBS for o in ("ه", "ها", "هم", "هما"))
MEETING_LIGHT = _verbs(("عقد", "يعقد"), ("أجرى", "يجري"))
# Permission (سمحت تركيا للولايات المتحدة باستخدام قواعدها): the ل-object is the agent of what follows.
PERMISSION = _verbs(("سمح", "يسمح"), ("أذن", "يأذن")) | _norm("السماح سماح الإذن")
# "Led by" (التحالف الذي تقوده الولايات المتحدة، التحالف بقيادة السعودية): the leader modifies the head.
LED_BY = _norm("تقوده يقوده تقودها يقودها قادته بقيادة قيادة بزعامة")
ALLY_WORDS = _norm(
    "حلفاء حلفاؤه حلفائه حلفاءه حلفاؤها حلفائها حلفاءها حلفاؤهم حلفائهم حلفاءهم حلفاؤهما حلفائهما حلفاءهما"
    " أنصار أنصاره أنصارهم ومعه"
)
# Ally and partner nouns (حليف، الحلفاء، شركاء): their partner is their genitive or comes right after them.
ALLY_NOUNS = _norm("حليف حلفاء حليفة شريك شركاء شريكة الحليف الحلفاء الحليفة الشريك الشركاء الشريكة")
# A fight "in the ranks of" or "alongside" X is not a fight against X.
ALONGSIDE = _norm("صفوف جانب ضمن")
# Numbers and measure nouns before a counted trigger noun (شن ست غارات، عدة غارات، سلسلة غارات): the noun is
# counted, not owned by them, so the light verb's subject stays its agent.
COUNT_WORDS = _norm(
    "ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمان ثمانية تسع تسعة عشر عشرة إحدى اثنتي "
    "اثني بضع بضعة عدة عشرات مئات سلسلة موجة جولة جملة سلسلتين"
)
# Casualty words before a counted group (قتل 20 من عناصر داعش في غارات X): the group is what X hit.
CASUALTY_WORDS = _norm("قتل مقتل قتلى قتيل قتيلا أصيب إصابة جرح جرحى سقوط مصرع لقي أسر")
# Verbs of result after a strike (أدت إلى مقتل X، أسفر عن مقتل 20 من عناصر Y): the killed were hit.
RESULT_VERBS = _verbs(
    ("أدى", "يؤدي"), ("أسفر", "يسفر"), ("أودى", "يودي"), ("خلف", "يخلف"), ("تسبب", "يتسبب")
) | _norm("أدت أسفرت أودت خلفت")
# Time and cause words that govern a masdar (بعد مواجهات مع X، إثر غارات، جراء القصف): the masdar is no
# possessed noun, its agent may be the clause's subject.
TIME_HEADS = _norm("بعد قبل إثر اثر عقب أثناء اثناء إبان جراء")
DURING = _norm("خلال لدى")
# The sides of a بين list (بين X من جهة، وY من جهة أخرى).
SIDE_WORDS = _norm("جهة ناحية طرف")

# Country words that stand for the state of the person just named (أعلن هولاند أن بلاده قصفت ...).
COUNTRY_PRONOUNS = _norm(
    "بلاده بلادها بلادهم حكومته حكومتها قواته قواتها جيشه جيشها دولته دولتها"
)
COUNTRY_WE = _norm("بلادنا حكومتنا قواتنا جيشنا دولتنا")
COUNTRY_WORDS = COUNTRY_PRONOUNS | COUNTRY_WE

# ------------------------------------------------------------------ polarity
NEGATORS = _norm("لا لم لن ليس ليست ليسوا لسنا لست لستم لما")
# These negate only the word right after them (عدم التنسيق، دون تنسيق، غير مدعوم).
NEG_IMMEDIATE = _norm("غير عدم دون بدون بلا")
# After a negator these do not negate what follows (لا سيما، لا يزال، لا بد) or negate a denial
# (لا يستبعد: does not rule out).
NEG_IDIOMS = _norm(
    "سيما يزال تزال زال زالت يزالون نزال بد يستبعد تستبعد يستبعدون نستبعد استبعد يمنع تمنع يخفى ينفي تنفي "
    "يخف يعني ينكر تنكر "
    # a verb of neglect or hesitation negated is an assertion (لم يغفل التعاون، لم تتردد في قصف، لم يتوان عن)
    "يغفل تغفل يتجاهل تتجاهل يهمل تهمل يتردد تتردد يترددوا يتوان تتوان يتوانى تتوانى "
    # ليس فقط / لا فحسب: "not only", the relation is asserted
    "فقط فحسب "
    # لن تألو جهدا: will spare no effort
    "يالو تالو نالو يالون"
) | _norm("يستبعدوا تستبعدوا")
# Verbs of preventing between a negator and the trigger: the negation is theirs (لم يفعل شيئا لمنع هجمات
# داعش): the attacks happened.
NEGATION_TAKERS = _norm("منع لمنع المنع وقف لوقف إيقاف لإيقاف ردع لردع")
# Verbs of taking part: negated, they leave a بين-pair's relation asserted (لم تشارك في المواجهات بين X وY:
# X and Y clashed), but not their subject's own (لم تشارك روسيا في الغارات على داعش).
PARTICIPATION = _norm("تشارك يشارك شاركت شارك يشاركوا تشاركوا تتدخل يتدخل تدخلت")
# "Not only ... (but also)" after the negated trigger (لم يكن يقصف داعش فحسب لكن أيضا الأكراد).
NOT_ONLY = _norm("فحسب وحسب")
# Denials: the relation after them is negated (نفى البنتاغون أي تنسيق مع دمشق).
DENIALS = _verbs(("نفى", "ينفي"), ("أنكر", "ينكر"), ("كذب", "يكذب"), ("استبعد", "يستبعد")) | _norm(
    "نفي نفيه نفيها إنكار تكذيب نفت نفوا"
)
# Refusals negate cooperative relations only (رفضت موسكو التعاون) - a refused strike is still a strike.
REFUSALS = _verbs(("رفض", "يرفض"), ("امتنع", "يمتنع")) | _norm(
    "رفض رفضه رفضها امتناع الرافض الرافضة الرافضين الرافضون رافض رافضة رافضين رافضون الممتنع الممتنعة"
)
COOPERATIVE = frozenset({"coordinates_with", "meets_with", "supports", "trains"})
EXCEPTIVE = _norm("إلا سوى")
# Four-letter words with a leading alef before من أن that are no elative of "too X to" (بدلا من أن is
# handled as a word of its own; أكثر من أن "more than that" still reads "too much to").
NOT_ELATIVES = _norm("ابدا اثنا اخرى اولا")
CONTRAST = _norm("لكن لكنه لكنها ولكن بل")

# ------------------------------------------------------------------ modality
FUTURE_WORDS = _norm("سوف")
PLANNED_CUES = (
    _verbs(
        ("اعتزم", "يعتزم"), ("خطط", "يخطط"), ("نوى", "ينوي"), ("سعى", "يسعى"), ("اقترح", "يقترح"),
        ("قرر", "يقرر"), ("أراد", "يريد"), ("رغب", "يرغب"), ("أمل", "يأمل"), ("دعا", "يدعو"),
        ("طالب", "يطالب"), ("تعهد", "يتعهد"), ("وعد", ""), ("هدد", "يهدد"), ("توقع", "يتوقع"),
        ("استعد", "يستعد"), ("عرض", "يعرض"), ("اعتزمت", ""), ("حث", "يحث"), ("ناشد", "يناشد"),
    )
    | _norm(
        "اعتزام خطة خطط تخطيط نية سعي اقتراح اقتراحا مقترح مستعد مستعدة مستعدون استعداد استعدادها "
        "استعداده بصدد المقرر المتوقع متوقع المنتظر المرتقب مرتقب مرتقبة المزمع مزمع يجب ينبغي دعوة قرار "
        "القرار إمكانية إمكان احتمال احتمالات المحتمل محتمل تهديد يعتزمون تسعى نسعى لنسعى نرغب نحاول "
        "يحاول تحاول "
        "الخطط الخطة نرغب سيتم ستتم عازم عازمة عازمين عازمون عازما العازم العازمة "
        # a postponed meeting has not happened yet (تأجيل زيارة الوزير، أرجأ لقاءه)
        "تأجيل تأجيلها تأجيله إرجاء تأجل تأجلت أرجأ أرجأت يرجئ ترجئ"
    )
)
PLANNED_PHRASES = (
    tuple(normalize(w) for w in ["قيد", "الدرس"]),
    tuple(normalize(w) for w in ["قيد", "الدراسة"]),
    tuple(normalize(w) for w in ["قيد", "البحث"]),
    tuple(normalize(w) for w in ["قيد", "النقاش"]),
)
FUTURE_TIME = _norm("غدا المقبل المقبلة القادم القادمة لاحقا المقبلين قريبا")
# Auxiliaries whose future form (سيعقد، ستقوم، سيتم) makes the trigger after them planned.
AUX_STEMS = _norm(
    "عقد جري تم قوم كون بدا شارك واصل قدم وفر نفذ شن طلق توجه عمل سمح عاود زور لتقي جتمع رسل مضي نظم "
    "شرع باشر"
)
# Words after which an ambiguous form (طرد، قصف، دعم) is a verb, not its verbal noun.
VERB_CONTEXT = _norm("أن إن قد لقد لم لن سوف ثم منذ كما")
# Paving the way (يمهد الطريق لمهاجمة، يفتح الباب أمام / المجال لـ): the ل-masdar after them is done by
# someone the clause does not name.
PAVING_WORDS = _norm("الطريق طريق الباب المجال")
# Verbs of calling on someone to act (دعا X Y لقصف Z): their object does what the purpose masdar says.
CALLING_VERBS = _verbs(
    ("دعا", "يدعو"), ("حث", "يحث"), ("ناشد", "يناشد"), ("طالب", "يطالب"), ("شجع", "يشجع"), ("أقنع", "يقنع"),
    ("حض", "يحض"),
)
# Strike masdars that are the bare verbal noun of a transitive verb: after a purpose ل their genitive is
# the object (لقصف سوريا), unlike count nouns (لهجوم الحوثيين: the Houthis' attack).
TRANSITIVE_MASDARS = _norm("قصف ضرب دك قذف")
# Purpose phrases before a masdar, like its ل prefix (من أجل محاربة، بهدف تدريب).
PURPOSE_WORDS = _norm("أجل بهدف بغية سعيا لغرض")
# ل + the masdar of the light verb قام ب (للقيام بتدريب X) is a purpose phrase too.
PURPOSE_LIGHT_MASDARS = _norm("القيام قيام")
# Words whose object takes ب, so that بدعم X after them is not "with X's support":
# praise: the genitive is the supporter (أشاد الملك بدعم المملكة);
PRAISE_BA_WORDS = _norm(
    "أشاد أشادت أشادوا أشادا يشيد تشيد يشيدون إشادة الإشادة نوه نوهت نوها ينوه تنوه تنويه رحب رحبت رحبوا "
    "رحبا يرحب ترحب ترحيب الترحيب احتفى احتفت يحتفي تحتفي ندد نددت يندد تندد تنديد اعترف اعترفت يعترف تعترف"
)
# a commitment or decision: the genitive is supported, by the one who commits (تعهد الرئيس بدعم المعارضة؛
# قرار بدعم القوات);
COMMIT_BA_WORDS = _norm(
    "تعهد تعهدت يتعهد تتعهد وعد وعدت يعد تعد التزم التزمت يلتزم تلتزم قرار قرارا القرار قراره قرارها "
    "مرسوم توجيه توجيهات أقر أقرت يقر تقر تمسك تمسكت يتمسك تتمسك"
)
# opening or closing a day or a visit with a meeting: its genitive is whom the subject meets (استهل أوباما
# زيارته بلقاء الرئيس الكيني، بدأ كيري نهاره بلقاء الجبير);
OPENING_BA_WORDS = _verbs(
    ("بدأ", "يبدأ"), ("استهل", "يستهل"), ("اختتم", "يختتم"), ("ختم", "يختم"), ("افتتح", "يفتتح"),
    ("توج", "يتوج"), ("استأنف", "يستأنف"),
)
# a request: someone else is asked to support (طالب الوزير بدعم الجيش).
REQUEST_BA_WORDS = _norm("طالب طالبت طالبوا يطالب تطالب مطالبة المطالبة ناشد ناشدت يناشد تناشد")
# an accusation: the accused, its object, gives the support (اتهم بوخاري الولايات المتحدة بدعم بوكو حرام).
ACCUSE_BA_WORDS = _verbs(("اتهم", "يتهم")) | _norm("اتهام اتهامه اتهامها اتهامات")
# Effort nouns: a purpose ل-masdar after them reports something done (فشل الجهود لتدريب ...).
EFFORT_NOUNS = _norm("جهود الجهود جهودها جهوده برنامج البرنامج حملة الحملة مساعي المساعي عملية العملية")

# ------------------------------------------------------------------ reported speech
SPEECH_VERBS = _verbs(
    ("قال", "يقول"), ("أكد", "يؤكد"), ("أعلن", "يعلن"), ("أوضح", "يوضح"), ("أضاف", "يضيف"),
    ("ذكر", "يذكر"), ("أشار", "يشير"), ("صرح", "يصرح"), ("كشف", "يكشف"), ("أفاد", "يفيد"),
    ("اعتبر", "يعتبر"), ("رأى", "يرى"), ("شدد", "يشدد"), ("لفت", "يلفت"), ("نقل", "ينقل"),
    ("أبلغ", "يبلغ"), ("زعم", "يزعم"), ("ادعى", "يدعي"), ("أعرب", "يعرب"), ("اتهم", "يتهم"),
    ("حذر", "يحذر"), ("تابع", "يتابع"), ("أردف", "يردف"), ("كتب", "يكتب"), ("أكدت", ""),
    ("نفى", "ينفي"), ("علم", "يعلم"), ("أبلغ", "يبلغ"), ("نسب", "ينسب"), ("أفادت", ""), ("قالت", ""),
) | _norm("وأضاف مضيفا مضيفة مشيرا مشيرة مؤكدا مؤكدة موضحا موضحة معتبرا قائلا قائلة نشر الكشف الإفصاح")
# Speakers that are not named: what they say is `reported` (مصادر، مسؤول طلب عدم ذكر اسمه).
UNNAMED_SOURCES = _norm(
    "مصادر مصدر مسؤول مسؤولون مسؤولين مسؤولا مسؤولو مسؤولي دبلوماسي دبلوماسيون دبلوماسيين ديبلوماسي "
    "ديبلوماسيون ديبلوماسيين تقارير تقرير خبراء خبير مراقبون مراقبين شهود ناشطون ناشطين سكان مصادرها "
    "مصادره مراسل محللون محللين أوساط دوائر جهات متحدث"
)
SOURCE_PREPS = _norm("بحسب حسب وفقا وفق طبقا نقلا نقل")
ALLEGATION = _norm(
    "يعتقد يزعم مزاعم زعم مزعوم مزعومة يشتبه المشتبه يرجح ربما يبدو تقارير اتهامات اتهم يتهم اتهمت"
)
