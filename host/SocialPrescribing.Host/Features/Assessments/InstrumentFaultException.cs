namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>An instrument (usually a plugin's) failed to score valid input; answered with 502 and the instrument's id.</summary>
public sealed class InstrumentFaultException : Exception
{
    public InstrumentFaultException()
        : this("unknown", "failed", null)
    {
    }

    public InstrumentFaultException(string message)
        : base(message) => Instrument = "unknown";

    public InstrumentFaultException(string message, Exception innerException)
        : base(message, innerException) => Instrument = "unknown";

    public InstrumentFaultException(string instrument, string what, Exception? innerException)
        : base($"The instrument '{instrument}' {what}; nothing was recorded.", innerException) => Instrument = instrument;

    public string Instrument { get; }
}
