using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments.Tests;

public sealed class ValidationTests
{
    /// <summary>Every built-in instrument with the number of responses it requires.</summary>
    public static TheoryData<string, int> Fewest => new() { { "ons4", 4 }, { "ucla3", 3 }, { "swemwbs", 7 }, { "phq9", 9 }, { "gad7", 7 } };

    /// <summary>Every built-in instrument with the most responses it accepts (UCLA-3 has an optional fourth item).</summary>
    public static TheoryData<string, int> Most => new() { { "ons4", 4 }, { "ucla3", 4 }, { "swemwbs", 7 }, { "phq9", 9 }, { "gad7", 7 } };

    /// <summary>Every item of every built-in instrument with the value just below its range.</summary>
    public static TheoryData<string, int, string, int> BelowEveryItem() => EveryItem(item => item.Minimum - 1);

    /// <summary>Every item of every built-in instrument with the value just above its range.</summary>
    public static TheoryData<string, int, string, int> AboveEveryItem() => EveryItem(item => item.Maximum + 1);

    [Theory]
    [MemberData(nameof(Fewest))]
    public void One_response_too_few_is_rejected_naming_the_responses(string id, int fewest)
    {
        var instrument = Instrument(id);

        var error = Assert.Throws<AssessmentValidationException>(() => instrument.Score(Valid(instrument, fewest - 1)));

        Assert.Equal(AssessmentValidationException.ResponsesKey, error.ItemKey);
        Assert.Equal("responses", error.ItemKey);
        Assert.Contains($"received {fewest - 1}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fewest))]
    public void Exactly_the_required_number_of_responses_is_scored(string id, int fewest)
    {
        var instrument = Instrument(id);

        Assert.NotEmpty(instrument.Score(Valid(instrument, fewest)).Scores);
    }

    [Theory]
    [MemberData(nameof(Most))]
    public void One_response_too_many_is_rejected_naming_the_responses(string id, int most)
    {
        var instrument = Instrument(id);
        Assert.NotEmpty(instrument.Score(Valid(instrument, most)).Scores);

        var error = Assert.Throws<AssessmentValidationException>(() => instrument.Score([.. Valid(instrument, most), 1]));

        Assert.Equal("responses", error.ItemKey);
        Assert.Contains($"received {most + 1}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fewest))]
    public void No_responses_at_all_are_rejected(string id, int fewest)
    {
        var error = Assert.Throws<AssessmentValidationException>(() => Instrument(id).Score([]));

        Assert.Equal("responses", error.ItemKey);
        Assert.Contains($"Expected {fewest}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BelowEveryItem))]
    public void A_value_below_the_range_is_rejected_naming_the_item(string id, int index, string key, int value)
    {
        var instrument = Instrument(id);
        var responses = Valid(instrument, instrument.Items.Count);
        responses[index] = value;

        var error = Assert.Throws<AssessmentValidationException>(() => instrument.Score(responses));

        Assert.Equal(key, error.ItemKey);
        Assert.Contains($"'{key}' was answered {value}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AboveEveryItem))]
    public void A_value_above_the_range_is_rejected_naming_the_item(string id, int index, string key, int value)
    {
        var instrument = Instrument(id);
        var responses = Valid(instrument, instrument.Items.Count);
        responses[index] = value;

        var error = Assert.Throws<AssessmentValidationException>(() => instrument.Score(responses));

        Assert.Equal(key, error.ItemKey);
        Assert.Contains($"'{key}' was answered {value}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_faulty_item_is_the_one_named()
    {
        var error = Assert.Throws<AssessmentValidationException>(
            () => BuiltInInstruments.Phq9.Score([0, 0, 4, 0, -1, 0, 0, 0, 0]));

        Assert.Equal("sleep", error.ItemKey);
    }

    [Fact]
    public void A_value_inside_the_range_that_the_item_does_not_offer_is_rejected()
    {
        AssessmentItem[] items =
        [
            new()
            {
                Key = "steps",
                ResponseOptions = [new(0, "none"), new(2, "some"), new(4, "many")],
                Minimum = 0,
                Maximum = 4,
            },
        ];

        AssessmentValidationException.ThrowIfInvalid(items, [2]);
        var error = Assert.Throws<AssessmentValidationException>(() => AssessmentValidationException.ThrowIfInvalid(items, [3]));

        Assert.Equal("steps", error.ItemKey);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void An_item_without_listed_answers_accepts_exactly_its_range(int value, bool accepted)
    {
        AssessmentItem[] items = [new() { Key = "minutes", ResponseOptions = [], Minimum = 0, Maximum = 100 }];

        var error = Record.Exception(() => AssessmentValidationException.ThrowIfInvalid(items, [value]));

        Assert.Equal(accepted, error is null);
        Assert.Equal(accepted ? null : "minutes", (error as AssessmentValidationException)?.ItemKey);
    }

    private static TheoryData<string, int, string, int> EveryItem(Func<AssessmentItem, int> value)
    {
        var data = new TheoryData<string, int, string, int>();
        foreach (var instrument in BuiltInInstruments.All)
        {
            for (var i = 0; i < instrument.Items.Count; i++)
            {
                data.Add(instrument.Id, i, instrument.Items[i].Key, value(instrument.Items[i]));
            }
        }

        return data;
    }

    private static IAssessmentInstrument Instrument(string id) =>
        BuiltInInstruments.TryGet(id, out var instrument) ? instrument : throw new InvalidOperationException(id);

    /// <summary>The first <paramref name="count"/> responses, each the item's lowest value (or 1 past the items).</summary>
    private static int[] Valid(IAssessmentInstrument instrument, int count) =>
        [.. Enumerable.Range(0, count).Select(i => i < instrument.Items.Count ? instrument.Items[i].Minimum : 1)];
}
