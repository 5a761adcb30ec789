package org.kapsdk.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kapsdk.core.outcome.OutcomeTesting.T0;
import static org.kapsdk.core.outcome.OutcomeTesting.items;
import static org.kapsdk.core.outcome.OutcomeTesting.total;
import static org.kapsdk.core.outcome.OutcomeTesting.zerosWith;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.validation.ValidationException;

class ItemFlagsTest {

  @Test
  void of_phq9Item9Zero_hasNoFlag() {
    assertThat(ItemFlags.of(items(Instrument.PHQ9, T0, 3, 3, 3, 3, 3, 3, 3, 3, 0))).isEmpty();
  }

  @Test
  void of_phq9Item9One_isPositive() {
    List<ItemFlag> flags = ItemFlags.of(items(Instrument.PHQ9, T0, zerosWith(9, 9, 1)));

    assertThat(flags).singleElement().satisfies(f -> {
      assertThat(f.instrument()).isEqualTo(Instrument.PHQ9);
      assertThat(f.item()).isEqualTo(9);
      assertThat(f.status()).isEqualTo(ItemFlag.Status.POSITIVE);
      assertThat(f.score()).contains(1);
      assertThat(f.at()).isEqualTo(T0);
      assertThat(f.source()).isEqualTo("FHIR-MII");
      assertThat(f.message()).isEqualTo("PHQ-9 item 9 (thoughts of being better off dead or of self-harm) scored 1:"
          + " needs item-level review regardless of the total");
    });
  }

  @Test
  void of_phq9Item9PositiveWithMinimalTotal_isStillFlagged() {
    // Total 3, band "none": the item alone decides.
    assertThat(ItemFlags.of(items(Instrument.PHQ9, T0, zerosWith(9, 9, 3))))
        .extracting(ItemFlag::status, ItemFlag::score)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ItemFlag.Status.POSITIVE, java.util.Optional.of(3)));
  }

  @Test
  void of_phq9TotalOnly_isUnknownNeverSilent() {
    List<ItemFlag> flags = ItemFlags.of(total(Instrument.PHQ9, T0, 12));

    assertThat(flags).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(ItemFlag.Status.UNKNOWN);
      assertThat(f.item()).isEqualTo(9);
      assertThat(f.score()).isEmpty();
      assertThat(f.message()).contains("was not recorded (total only)");
    });
  }

  @Test
  void of_phq9TotalOnlyZero_isStillUnknown() {
    assertThat(ItemFlags.of(total(Instrument.PHQ9, T0, 0))).extracting(ItemFlag::status)
        .containsExactly(ItemFlag.Status.UNKNOWN);
  }

  @Test
  void of_bdi2Item9Positive_isPositiveWithBdi2Source() {
    List<ItemFlag> flags = ItemFlags.of(items(Instrument.BDI2, T0, zerosWith(21, 9, 2)));

    assertThat(flags).singleElement().satisfies(f -> {
      assertThat(f.instrument()).isEqualTo(Instrument.BDI2);
      assertThat(f.status()).isEqualTo(ItemFlag.Status.POSITIVE);
      assertThat(f.score()).contains(2);
      assertThat(f.source()).isEqualTo("BDI2");
      assertThat(f.message()).startsWith("BDI-II item 9 (suicidal thoughts or wishes) scored 2");
    });
  }

  @Test
  void of_bdi2Item9Zero_hasNoFlagEvenWithHighTotal() {
    assertThat(ItemFlags.of(items(Instrument.BDI2, T0, zerosWith(21, 1, 3, 2, 3, 10, 3, 20, 3, 21, 3)))).isEmpty();
  }

  @Test
  void of_bdi2TotalOnly_isUnknown() {
    assertThat(ItemFlags.of(total(Instrument.BDI2, T0, 40))).extracting(ItemFlag::status, ItemFlag::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ItemFlag.Status.UNKNOWN, "BDI2"));
  }

  @ParameterizedTest
  @EnumSource(value = Instrument.class, names = {"PHQ9", "BDI2"}, mode = EnumSource.Mode.EXCLUDE)
  void of_instrumentWithoutItemRule_hasNoFlagEvenWithEveryItemAtMaximum(Instrument instrument) {
    Integer[] max = new Integer[instrument.items()];
    java.util.Arrays.fill(max, instrument.itemMax());

    assertThat(ItemFlags.of(items(instrument, T0, max))).isEmpty();
    assertThat(ItemFlags.of(total(instrument, T0, instrument.totalMax()))).isEmpty();
  }

  @Test
  void flag_positiveWithoutScore_isRefused() {
    assertThatThrownBy(() -> ItemFlag.builder().instrument(Instrument.PHQ9).item(9).at(T0)
            .status(ItemFlag.Status.POSITIVE).message("m").source("FHIR-MII").build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageContaining("score: must be present exactly when status is POSITIVE");
  }

  @Test
  void flag_itemNumberBeyondInstrument_isRefused() {
    assertThatThrownBy(() -> ItemFlag.builder().instrument(Instrument.PHQ9).item(10).at(T0)
            .status(ItemFlag.Status.UNKNOWN).message("m").source("FHIR-MII").build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageContaining("item: must be an item number from 1 to 9 for PHQ-9");
  }

  @Test
  void flag_roundTripsThroughJson() throws Exception {
    ItemFlag flag = ItemFlags.of(items(Instrument.PHQ9, T0, zerosWith(9, 9, 2))).get(0);

    assertThat(Mappers.json().readValue(Mappers.json().writeValueAsString(flag), ItemFlag.class)).isEqualTo(flag);
  }
}
