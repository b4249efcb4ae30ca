package cn.gov.enforcement.portal.account;

import java.time.Instant;

/**
 * One entry of the account log as administrators read it.
 *
 * @param username the account concerned, or the name typed at a failed sign-in
 * @param actor who did it: the administrator, or the person themselves; null for sign-in attempts
 * @param clientAddress the address a sign-in attempt came from, else null
 * @param detail what changed (field names, role and agency) or why a sign-in failed; never a password or an address
 */
public record AccountLogEntry(Instant at, AccountAction action, String username, String actor, String clientAddress,
        String detail) {}
