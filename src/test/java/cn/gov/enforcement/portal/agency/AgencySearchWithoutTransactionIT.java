package cn.gov.enforcement.portal.agency;

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
 * The agency search asks the search node outside any database transaction (a slow node must not hold the pool's
 * connections, see {@code ListsSearchWithoutTransactionIT}), and reads the summaries of its hits in one afterwards.
 */
class AgencySearchWithoutTransactionIT extends IntegrationTest {

    @MockitoSpyBean AgencyIndex index;
    @Autowired AgencyDirectory directory;

    @Test
    void the_index_is_asked_while_no_transaction_holds_a_connection() {
        List<Boolean> inTransaction = new ArrayList<>();
        doAnswer(call -> {
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            return call.callRealMethod();
        }).when(index).search(any(), any(), anyInt(), anyInt());

        AgencySearchResult found = directory.search("市场监督管理", null, 0, 10);

        assertThat(inTransaction).containsExactly(false);
        assertThat(found.items()).extracting(AgencySummary::id).contains("sample-market-regulation");
    }
}
