namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>
/// Responses an instrument cannot score: the wrong number of them, or a value an item does not allow.
/// The HTTP layer answers it with a 400 naming <see cref="ItemKey"/>.
/// </summary>
public sealed class AssessmentValidationException : Exception
{
    /// <summary>The <see cref="ItemKey"/> used when the number of responses, rather than one item, is wrong.</summary>
    public const string ResponsesKey = "responses";

    /// <summary>Creates the exception for a problem with the responses as a whole.</summary>
    public AssessmentValidationException()
        : this(ResponsesKey, "The responses cannot be scored.")
    {
    }

    /// <summary>Creates the exception for a problem with the responses as a whole.</summary>
    public AssessmentValidationException(string message)
        : this(ResponsesKey, message)
    {
    }

    /// <summary>Creates the exception for a problem with the responses as a whole, caused by another exception.</summary>
    public AssessmentValidationException(string message, Exception innerException)
        : base(message, innerException) => ItemKey = ResponsesKey;

    /// <summary>Creates the exception naming the item (or <see cref="ResponsesKey"/>) at fault.</summary>
    public AssessmentValidationException(string itemKey, string message)
        : base(message) => ItemKey = itemKey;

    /// <summary>The key of the offending item, or <see cref="ResponsesKey"/> when the number of responses is wrong.</summary>
    public string ItemKey { get; }

    /// <summary>
    /// Checks responses against an instrument's items: one value per item in item order (trailing optional
    /// items may be left off), each within the item's range and, when the item lists its answers, one of them.
    /// </summary>
    /// <exception cref="AssessmentValidationException">The first problem found.</exception>
    public static void ThrowIfInvalid(IReadOnlyList<AssessmentItem> items, IReadOnlyList<int> responses)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(responses);

        var fewest = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (!items[i].Optional)
            {
                fewest = i + 1;
            }
        }

        if (responses.Count < fewest || responses.Count > items.Count)
        {
            var expected = fewest == items.Count ? $"{items.Count}" : $"{fewest} to {items.Count}";
            throw new AssessmentValidationException(
                ResponsesKey, $"Expected {expected} responses, one per item in order, but received {responses.Count}.");
        }

        for (var i = 0; i < responses.Count; i++)
        {
            var item = items[i];
            var value = responses[i];
            var offered = item.ResponseOptions.Count == 0 || item.ResponseOptions.Any(o => o.Value == value);
            if (value < item.Minimum || value > item.Maximum || !offered)
            {
                throw new AssessmentValidationException(
                    item.Key, $"Item '{item.Key}' was answered {value}; it accepts {item.Minimum} to {item.Maximum}.");
            }
        }
    }
}
