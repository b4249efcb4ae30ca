package cn.gov.enforcement.portal.guidance;

/** The eight non-coercive means of administrative guidance. */
public enum GuidanceKind {
    /** 引导: encouraging policies and information that raise a party's awareness of risks. */
    LEADING,
    /** 示范: good examples a party may follow. */
    EXAMPLE,
    /** 提示: a reminder of what a party ought to know but easily overlooks. */
    REMINDER,
    /** 辅导: concrete help with procedures, rules and information. */
    COACHING,
    /** 建议: a proposal the party may choose to follow. */
    SUGGESTION,
    /** 规劝: persuading a party to stop or correct a (possible) violation. */
    PERSUASION,
    /** 约谈: a meeting that points out problems and asks for correction. */
    INTERVIEW,
    /** 回访: a visit after a case to check the correction and how the party was treated. */
    RETURN_VISIT;

    public String messageKey() {
        return "guidance.kind." + name();
    }

    public String descriptionKey() {
        return "guidance.kind." + name() + ".desc";
    }
}
