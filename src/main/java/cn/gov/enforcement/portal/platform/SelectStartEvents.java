package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.DataNode;
import org.springframework.stereotype.Component;

/**
 * Saves every page with a drop-down ({@code vaadin-select}: the language switch in the header, the list pages'
 * filters) a second server round trip right after its first one. A select's web component announces its value and
 * its {@code opened} state ({@code value-changed}, {@code opened-changed}) once when it first draws itself, the
 * values the server has just given it; Vaadin's select listens to both events (to learn what the reader picks), so
 * the browser sent these announcements back in a round trip of its own that changed nothing on the server. A
 * script in the page's shell stops that first announcement of each kind, per select, before Vaadin's listener
 * sees it; everything the select announces later (the reader opening it, picking an item, a value the server
 * sets) reaches the server as before.
 */
@Component
public class SelectStartEvents implements VaadinServiceInitListener {

    /**
     * Listens on the document while events go down to their target (capture), so it runs before the select's own
     * listeners. A select announces each property first from its first update, when it joins the page; a select
     * the reader has pressed a pointer or a key on is never filtered again.
     */
    static final String SCRIPT = "(function(){var seen=new WeakMap();"
            + "var state=function(t){var s=seen.get(t);if(!s){s={};seen.set(t,s);}return s;};"
            // once the reader has touched a select (pointer or key), nothing of it is stopped any more, so that a
            // reader's pick can never be taken for the select's first announcement
            + "['pointerdown','keydown'].forEach(function(type){document.addEventListener(type,function(e){"
            + "var p=e.composedPath?e.composedPath():[];for(var i=0;i<p.length;i++){"
            + "if(p[i].localName==='vaadin-select'){state(p[i]).touched=true;return;}}},true);});"
            + "['value-changed','opened-changed'].forEach(function(type){"
            + "document.addEventListener(type,function(e){var t=e.target;"
            + "if(!t||t.localName!=='vaadin-select'||e.eventPhase!==Event.CAPTURING_PHASE){return;}"
            + "var s=state(t);if(s.touched||s[type]){return;}s[type]=true;e.stopImmediatePropagation();},true);});})();";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(SelectStartEvents::addScript);
    }

    static void addScript(IndexHtmlResponse response) {
        response.getDocument().head().appendElement("script").attr("id", "portal-select-start")
                .appendChild(new DataNode(SCRIPT));
    }
}
