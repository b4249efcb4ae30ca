package cn.gov.enforcement.portal.search;

import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.search.embedded.EmbeddedNode;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Launches the embedded node as early as Spring allows: bean factory post-processors run before
 * any ordinary bean is created, so the node boots (in the background) while the database, JPA,
 * Vaadin and the rest of the context are being set up. Settings are bound straight from the
 * environment because the settings beans do not exist yet.
 */
class EmbeddedNodeLauncher implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private Environment environment;
    private volatile EmbeddedNode node;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        node().startAsync();
    }

    synchronized EmbeddedNode node() {
        if (node == null) {
            Binder binder = Binder.get(environment);
            PortalSettings portal = binder.bindOrCreate("portal", PortalSettings.class);
            SearchSettings search = binder.bindOrCreate("portal.search", SearchSettings.class);
            node = new EmbeddedNode(search.embedded().toOptions(portal.dataDir()));
        }
        return node;
    }

    /** Stops the node when the context fails before the lifecycle bean took over. */
    @Override
    public void destroy() {
        EmbeddedNode n = node;
        if (n != null) {
            n.stop();
        }
    }
}
