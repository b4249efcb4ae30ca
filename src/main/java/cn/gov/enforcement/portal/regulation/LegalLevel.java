package cn.gov.enforcement.portal.regulation;

/** The rank of a legal document in the Chinese hierarchy of norms (plus our own guides). */
public enum LegalLevel {
    /** 宪法 and its amendments. */
    CONSTITUTION,
    /** 法律, passed by the National People's Congress or its Standing Committee. */
    LAW,
    /** 行政法规, issued by the State Council. */
    ADMINISTRATIVE_REGULATION,
    /** 部门规章, issued by a ministry or commission of the State Council. */
    DEPARTMENTAL_RULE,
    /** 司法解释, issued by the Supreme People's Court or Procuratorate. */
    JUDICIAL_INTERPRETATION,
    /** 地方性法规, passed by a local people's congress or its standing committee. */
    LOCAL_REGULATION,
    /** 地方政府规章, issued by a provincial or city people's government. */
    LOCAL_GOVERNMENT_RULE,
    /** 规范性文件: notices, opinions, implementation plans and other government documents. */
    NORMATIVE_DOCUMENT,
    /**
     * 其他资料: a text that is none of the above, such as a news report or a work report about enforcement copied from a
     * government web site; kept for reference, never a basis for an act.
     */
    OTHER_MATERIAL,
    /** Our own plain-language guides. */
    GUIDE;

    /** Translation key of the level's name, e.g. {@code regulation.level.LAW}. */
    public String translationKey() {
        return "regulation.level." + name();
    }
}
