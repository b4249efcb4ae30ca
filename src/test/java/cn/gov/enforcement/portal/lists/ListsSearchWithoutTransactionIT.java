package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import cn.gov.enforcement.portal.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public list searches ask the search node outside any database transaction: a transaction holds one of the
 * pool's few connections, so a dozen searches waiting on a slow node took them all and pages that never search
 * (the mediation application) failed for want of a connection.
 */
class ListsSearchWithoutTransactionIT extends IntegrationTest {

    @MockitoSpyBean ListIndex index;
    @Autowired ListsCatalog catalog;

    @Test
    void the_index_is_asked_while_no_transaction_holds_a_connection() {
        List<Boolean> inTransaction = new ArrayList<>();
        doAnswer(call -> {
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            return call.callRealMethod();
        }).when(index).search(any(), any(), any(), any(), any(), anyInt(), anyInt());

        catalog.searchRiskPoints("酒后驾驶", null, null, null, 0, 10);
        catalog.searchExemptions("首次", null, null, 0, 10);
        catalog.allRiskPoints(null, null, null, null);
        catalog.allExemptions(null, null, null);

        assertThat(inTransaction).hasSizeGreaterThanOrEqualTo(4).containsOnly(false);
    }
}
