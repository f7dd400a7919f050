package vn.khcn.workflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatatypeFactoryLookupTest {

  private static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;

  private String before;

  @BeforeEach
  void forget() {
    before = System.getProperty(PROPERTY);
    System.clearProperty(PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, before);
    }
  }

  @Test
  void theEngineKeepsTheFactoryTheJdkFindsAndLooksItUpByName() throws Exception {
    Class<?> searched = DatatypeFactory.newInstance().getClass();

    new DatatypeFactoryLookup().datatypeFactoryLookedUpOnce().preInit(null);

    assertThat(System.getProperty(PROPERTY)).isEqualTo(searched.getName());
    assertThat(DatatypeFactory.newInstance()).isExactlyInstanceOf(searched);
    // a timer's duration still reads as before
    var start = new java.util.Date(0);
    assertThat(new DurationHelper("PT2H", start).getDateAfter(start).getTime())
        .isEqualTo(2 * 3600 * 1000L);
  }

  @Test
  void aFactoryTheOperatorChoseIsLeftAlone() {
    System.setProperty(PROPERTY, "com.example.OperatorsFactory");

    assertThat(DatatypeFactoryLookup.pin()).isEqualTo("com.example.OperatorsFactory");
    assertThat(System.getProperty(PROPERTY)).isEqualTo("com.example.OperatorsFactory");
  }
}
