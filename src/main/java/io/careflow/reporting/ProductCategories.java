package io.careflow.reporting;

import io.careflow.model.DeployedModels;
import io.careflow.routing.Routing;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The category of a product for the reports: the {@code product-category} table of
 * {@code processes/routing.dmn} (the SKU's prefix: {@code KET-} kitchen, {@code TV-} electronics,
 * …), the one routing asks for product knowledge — a shop that adds a prefix or a category there
 * sees it in the return figures too, for archived days as well (they keep the SKU, not the
 * category). Evaluated outside the engine: a report is read-only and leaves no decision history.
 */
@Component
public class ProductCategories {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final Supplier<DmnDecision> newest;

  @Autowired
  public ProductCategories(DeployedModels deployed) {
    var parsed = new ConcurrentHashMap<String, DmnDecision>();
    this.newest = () -> deployed.latestDecision(Routing.DECISION_PRODUCT_CATEGORY)
        .map(d -> parsed.computeIfAbsent(d.definition().getId(),
            id -> DMN.parseDecision(Routing.DECISION_PRODUCT_CATEGORY, d.model())))
        .orElse(null);
  }

  /** The table of a file, as written: for what runs without the engine (the KPI benchmark). */
  static ProductCategories of(InputStream routingDmn) {
    DmnDecision decision = DMN.parseDecision(Routing.DECISION_PRODUCT_CATEGORY, routingDmn);
    return new ProductCategories(() -> decision);
  }

  private ProductCategories(Supplier<DmnDecision> newest) {
    this.newest = newest;
  }

  /** What a report asks once per report: the newest table, parsed once per deployed version. */
  public Lookup lookup() {
    return new Lookup(newest.get());
  }

  /** The categories of one report, each SKU decided once. */
  public final class Lookup {
    private final DmnDecision decision;
    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

    private Lookup(DmnDecision decision) {
      this.decision = decision;
    }

    /** The SKU's category; null for no SKU, a SKU no row knows, or no table deployed. */
    public String of(String productSku) {
      if (productSku == null || productSku.isBlank() || decision == null) {
        return null;
      }
      return known.computeIfAbsent(productSku, sku -> {
        DmnDecisionResultEntries row = DMN.evaluateDecision(decision,
            Variables.createVariables().putValue(Routing.INPUT_PRODUCT_SKU, sku)).getFirstResult();
        // an empty output entry is left out of the row
        Object category = row == null ? null : row.get(Routing.OUTPUT_PRODUCT_CATEGORY);
        return category == null || category.toString().isBlank() ? Optional.empty()
            : Optional.of(category.toString().strip());
      }).orElse(null);
    }
  }
}
