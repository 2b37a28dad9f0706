/// The phrases the claim reader recognises, in the four languages the model writes.
///
/// Data, not logic: every list is lowercased text matched as a substring of the lowercased
/// sentence. Order matters where one phrase contains another ("받을 수도 있" before "받을 수
/// 있"): `ClaimReader` tries the kinds in the order `predicates` gives them.
enum ClaimPhrases {
    /// What a clause says of the programmes it names, most specific first.
    static let predicates: [(Assertion, [String])] = [
        (.automatic, ["자동으로", "저절로", "신청하지 않아도", "신청 없이", "신청 안 해도", "automatically", "without applying",
                      "自动", "无需申请", "不用申请", "tự động", "không cần nộp đơn", "không cần đăng ký"]),
        (.needsInformation, ["정보가 더 필요", "더 필요해요", "더 알려", "아직 알 수 없", "알 수 없어요", "판단하기 어려", "확인이 더 필요",
                             "need more information", "needs more information", "more information is needed", "cannot tell yet", "not yet known",
                             "还需要更多信息", "需要更多信息", "还无法确定", "无法确定", "cần thêm thông tin", "chưa thể xác định"]),
        (.may, ["받을 수도 있", "수도 있어요", "수도 있습니다", "가능성이 있", "가능성도", "받으실 수도", "될 수도 있", "may be able", "may receive",
                "may get", "may qualify", "may be eligible", "might", "could be eligible", "could receive", "possibly", "也许", "可能可以", "可能符合",
                "有可能", "可能会", "có lẽ", "có khả năng", "có thể sẽ"]),
        (.cannot, ["받을 수 없", "받을 수가 없", "못 받", "받지 못", "받기 어려", "받기 어렵", "어렵지만", "어렵고", "대상이 아니", "대상이 안", "해당되지 않", "해당하지 않", "해당이 안",
                   "안 돼요", "안 됩니다", "제외", "받으실 수 없", "지원받을 수 없", "cannot receive", "can't receive", "can not receive", "cannot get",
                   "can't get", "not eligible", "ineligible", "unlikely to receive", "do not qualify", "don't qualify", "does not qualify", "won't receive",
                   "will not receive", "are not entitled", "not entitled", "不能领取", "无法领取", "难以领取", "领不到", "不符合", "不能获得", "无法获得",
                   "拿不到", "不可能", "không thể nhận", "không đủ điều kiện", "khó nhận", "không được nhận", "không nhận được"]),
        (.mustApply, ["신청해야", "신청하셔야", "신청하세요", "신청해 보세요", "신청해보세요", "신청하시면", "신청할 수 있", "신청하실 수 있",
                      "must apply", "should apply", "need to apply", "can apply", "please apply", "apply for", "需要申请", "必须申请", "可以申请",
                      "请申请", "cần nộp đơn", "phải nộp đơn", "có thể nộp đơn", "hãy nộp đơn", "nên đăng ký", "cần đăng ký"]),
        (.receives, ["받을 수 있", "받으실 수 있", "지원받을 수 있", "받을 수가 있", "대상이에요", "대상입니다", "대상이 돼요", "대상이 됩니다", "해당돼요",
                     "해당됩니다", "받아요", "받습니다", "받게 돼요", "드려요", "나와요", "지급돼요", "지급됩니다", "can receive", "can get",
                     "you will receive", "you receive", "you get", "are eligible", "is eligible", "you qualify", "qualify for", "you can receive",
                     "entitled to", "可以领取", "能领取", "可以获得", "能获得", "符合条件", "可以享受", "能拿到", "可以拿到", "每月领取", "có thể nhận",
                     "đủ điều kiện", "được nhận", "sẽ nhận"]),
    ]

    /// "Nothing at all": a universal claim about every programme.
    static let nothing = ["아무것도", "아무 혜택", "어떤 혜택도", "받을 수 있는 혜택을 찾지 못", "찾지 못했", "혜택이 없", "nothing", "no benefit",
                          "found no benefit", "none of", "没有找到", "没有任何", "什么都", "không có phúc lợi", "chưa tìm thấy phúc lợi", "không nhận được gì"]

    /// Words after which what follows is a new clause with its own predicate.
    static let clauseBreaks = [",", "，", ";", "；", "、", "지만", "는데", "으나", "있고", "없고", "렵고", "않고", "되고", "이고", "받고",
                               " but ", " while ", " whereas ", "但是", "但", "而且", "并且", "而", " nhưng ", " còn "]

    // MARK: - Amounts

    static let approximate = ["약 ", "약", "대략", "대략적으로", "거의", "about", "around", "approximately", "roughly", "nearly", "almost",
                              "khoảng", "chừng", "gần", "约", "大约", "大概", "差不多"]
    static let approximateAfter = ["정도", "쯤", "가량", "안팎", "여 원", "여원", "左右", "上下", "or so"]

    static let monthly = ["한 달에", "한달에", "한 달", "매달", "매월", "달마다", "월 ", "월마다", "a month", "per month", "monthly", "each month",
                          "every month", "/month", "每月", "每个月", "一个月", "mỗi tháng", "hằng tháng", "hàng tháng", "một tháng", "/tháng"]
    static let yearly = ["1년에", "일 년에", "한 해", "1년 동안", "연간", "매년", "해마다", "연 ", "일년에", "a year", "per year", "yearly",
                         "annually", "each year", "every year", "/year", "每年", "一年", "mỗi năm", "hằng năm", "hàng năm", "một năm"]
    static let once = ["한 번에", "한번에", "한 번", "일시금", "일시불", "once", "one-off", "one off", "one-time", "one time", "lump sum",
                       "一次性", "一次", "một lần"]

    /// A figure with these words is paid to the household, not a threshold it is held to.
    static let payment = ["받", "드려", "지급", "나와", "지원", "receive", "get ", "paid", "payment", "领取", "获得", "发放", "nhận", "chi trả", "được"]

    /// Comparisons between two figures in one clause: the first above the second, or not.
    static let above = ["보다 많", "보다 높", "보다 커", "넘어", "넘는", "초과", "above", "more than", "higher than", "exceeds", "over ",
                        "高于", "超过", "多于", "vượt", "cao hơn", "nhiều hơn"]
    static let below = ["보다 적", "보다 낮", "보다 작", "이하", "미만", "below", "less than", "lower than", "under ", "at most",
                        "低于", "少于", "不超过", "thấp hơn", "ít hơn", "không vượt"]

    /// Named quantities an amount can be said to be, and the words the sheet's labels carry for them.
    static let quantities: [(label: String, words: [String])] = [
        ("소득인정액", ["소득인정액", "인정소득", "recognised income", "recognized income", "认定收入", "thu nhập được công nhận"]),
        ("기준", ["선정기준액", "선정 기준", "기준액", "기준 중위소득", "중위소득", "기준", "threshold", "median income", "选定标准", "标准",
                  "中位收入", "ngưỡng", "thu nhập trung vị"]),
    ]

    // MARK: - The process

    /// The one statement every explanation ends with, and its look-alikes that say the same.
    static let centreDecides = ["최종 결정은 행정복지센터", "최종 결정은 센터", "행정복지센터에서 결정", "센터에서 최종", "결과는 추정", "추정이에요",
                                "추정입니다", "final decision", "makes the final decision", "centre decides", "center decides", "is an estimate",
                                "only an estimate", "最终由", "只是估算", "估算", "quyết định cuối cùng", "chỉ là ước tính", "ước tính"]
    /// Saying the result is settled: false unless negated ("확정이 아니에요").
    static let finality = ["확정", "확실히", "틀림없", "무조건", "보장돼요", "보장됩니다", "보장해", "100%", "반드시 받", "꼭 받", "결정됐", "결정되었", "final", "guaranteed",
                           "definitely", "certainly", "for sure", "确定", "一定能", "保证", "肯定", "chắc chắn", "đảm bảo", "đã được quyết định"]
    static let negation = ["아니", "않", "없", "not", "n't", "不是", "不", "không"]

    static let goToCentre = ["센터에 가", "센터로 가", "센터에 방문", "센터를 방문", "센터에 오", "창구에", "센터에서 신청", "방문해", "visit the",
                             "go to the", "at the community", "at your community", "前往", "到行政", "去行政", "đến trung tâm", "tới trung tâm"]
    static let dontGo = ["가지 마", "갈 필요 없", "가실 필요 없", "방문하지 않아도", "방문할 필요 없", "방문하지 마", "오지 않아도", "안 가도",
                         "don't go", "do not go", "no need to visit", "don't need to visit", "do not need to visit", "不用去", "不必去", "不需要去",
                         "không cần đến", "đừng đến"]
    static let phoneWords = ["전화", "번으로", "번에", "call", "phone", "ring", "电话", "拨打", "gọi", "điện thoại"]
    static let dontCall = ["전화하지 마", "전화할 필요 없", "전화 안 해도", "전화하지 않아도", "don't call", "do not call", "no need to call",
                           "不用打电话", "不要打电话", "không cần gọi", "đừng gọi"]
    /// Offices a sentence can send a citizen to; each must be in the programme's apply data.
    static let offices = ["행정복지센터", "주민센터", "동사무소", "국민연금공단", "복지로", "구청", "시청", "고용센터", "고용복지플러스센터",
                          "보건소", "건강보험공단", "한국토지주택공사", "lh", "주택도시보증공사", "community service centre", "community centre",
                          "national pension service", "bokjiro", "city hall", "district office", "行政福利中心", "国民年金公团", "福祉路",
                          "trung tâm phúc lợi", "quỹ hưu trí quốc gia", "bokjiro"]
    /// Names for the kiosk's own centre: always where a citizen may go.
    static let ownCentre = ["행정복지센터", "주민센터", "동사무소", "community service centre", "community centre", "行政福利中心", "trung tâm phúc lợi"]

    static let documentNeed = ["서류", "가져오", "가져가", "챙겨", "지참", "준비하", "document", "bring", "材料", "证件", "带上", "giấy tờ", "mang theo"]
    static let noDocuments = ["서류는 필요 없", "서류가 필요 없", "서류 없이", "아무 서류", "no documents", "without documents", "不需要材料", "không cần giấy tờ"]
    /// Papers a sentence may name; one not in the programme's documents is a claim the sheet does not back.
    static let documents = ["신분증", "통장 사본", "통장사본", "신청서", "금융정보 제공 동의서", "동의서", "주민등록등본", "등본", "초본",
                            "가족관계증명서", "소득금액증명", "임대차계약서", "계약서", "진단서", "여권", "외국인등록증", "재직증명서", "건강보험",
                            "id card", "identity card", "passport", "bank book", "bankbook", "bank statement", "application form", "consent form",
                            "lease agreement", "certificate", "身份证", "存折", "申请书", "同意书", "护照", "证明", "giấy tờ tùy thân", "sổ ngân hàng",
                            "đơn đăng ký", "hộ chiếu", "giấy chứng nhận"]

    // MARK: - Kinds the sheet cannot back (refused whenever they appear)

    static let uncheckable: [(UncheckableKind, [String])] = [
        (.concealment, ["숨기", "숨겨", "숨기세요", "말하지 마", "알리지 마", "신고하지 마", "빼고 말", "줄여서 말", "적게 말", "적게 신고", "명의를 옮", "명의로 옮",
                        "명의 이전", "hide", "conceal", "don't report", "do not report", "don't mention", "under-report", "underreport",
                        "隐瞒", "不要申报", "别说", "少报", "转移", "giấu", "không khai", "đừng khai", "khai ít"]),
        (.futureChange, ["오를 거", "오를 예정", "인상될", "인상 예정", "늘어날", "늘어나요", "줄어들 거", "줄어들 예정", "바뀔 거", "바뀔 예정", "내년에는",
                         "내년부터", "앞으로는", "곧 ", "will increase", "will rise", "will go up", "will be raised", "will change", "next year", "in the future",
                         "soon", "明年", "将会", "将提高", "以后会", "năm sau", "năm tới", "sẽ tăng", "sắp"]),
        (.deadline, ["까지 신청", "이내에 신청", "이내 신청", "마감", "기한", "늦어도", "안에 신청", "deadline", "within ", "no later than", " by the end",
                     "截止", "期限", "之前申请", "以内", "hạn chót", "thời hạn", "trước ngày", "trong vòng"]),
        (.instructionEcho, ["시스템", "프롬프트", "지시", "사실표", "[자료]", "규칙을 무시", "이전 지시", "언어 모델", "as an ai", "language model", "system prompt",
                            "instruction", "ignore previous", "ignore the", "fact sheet", "系统", "提示", "指令", "忽略", "hướng dẫn hệ thống",
                            "bỏ qua", "mô hình ngôn ngữ"]),
        (.legalOrMedical, ["소송", "변호사", "고소", "lawyer", "lawsuit", "sue ", "律师", "起诉", "luật sư", "kiện"]),
        (.otherPeople, ["다른 사람", "이웃", "친구", "누구나", "모든 사람", "모두 받", "everyone", "anyone", "all people", "所有人", "每个人", "mọi người", "ai cũng"]),
    ]
}
