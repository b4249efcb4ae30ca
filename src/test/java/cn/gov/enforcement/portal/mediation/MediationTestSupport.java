package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.mediation.MediationApplication.ApplicantKind;
import cn.gov.enforcement.portal.mediation.MediationApplication.IdType;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;

/**
 * Test data of the mediation tests: valid applications and officer accounts bound to agencies. Public for the tests of
 * other modules that need a case (the API description's test looks one up).
 */
public final class MediationTestSupport {

    static final String VALID_ID = "11010519491231002X";

    private MediationTestSupport() {}

    /**
     * Stores a consumer case of the agency submitted at the given time, taken through the steps given, numbered with
     * the prefix and a random part; returns its number. Call it inside a transaction.
     */
    static String storeCase(MediationCaseRepository cases, String agency, java.time.Instant submitted,
            String numberPrefix, java.util.function.Consumer<MediationCase> steps) {
        String token = UUID.randomUUID().toString().replace("-", "");
        MediationCase c = MediationCase.submit(new MediationCase.Applicant("PERSON", "张三", "RESIDENT_ID", "enc",
                "110***********002X", "13800138000", null, null, "某商店", null, "买到的电器三天就坏了，商家拒绝退货。",
                "退货退款", null, true), DisputeCategory.CONSUMER, agency, token, "hash", "zh-CN", submitted);
        steps.accept(c);
        cases.save(c);
        c.assignCaseNumber(numberPrefix + token.substring(0, 12).toUpperCase());
        return c.caseNumber();
    }

    /** A valid application of a person, with the contact mail given (or none). */
    public static MediationApplication application(DisputeCategory category, String email) {
        return new MediationApplication(category, ApplicantKind.PERSON, "张三", IdType.RESIDENT_ID, VALID_ID,
                "13800138000", email, "示例市示例路1号", "示例电器商店", "0990-1234567",
                "我在示例电器商店买的电冰箱三天就坏了，商家拒绝退货。", "请求商家退货并退还货款 2999 元。", "工作日下午", true, true,
                UUID.randomUUID().toString());
    }

    /**
     * Signs in as an officer of the given agency with the real account module: the account is
     * created by an administrator when missing and loaded through the portal's user details service.
     */
    static void signInOfficer(AccountService accounts, PortalUserDetailsService users, String username, String agencyId) {
        signIn(new UsernamePasswordAuthenticationToken("test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            accounts.create(new AccountService.NewUser(username, "测试调解员", Role.OFFICER, agencyId));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier test of this run
        }
        UserDetails officer = users.loadUserByUsername(username);
        signIn(new UsernamePasswordAuthenticationToken(officer, null, officer.getAuthorities()));
    }

    static void signIn(Authentication auth) {
        SecurityContextHolder.setContext(new SecurityContextImpl(auth));
    }
}
