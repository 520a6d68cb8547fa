using System.Collections.Frozen;

namespace SocialPrescribing.Application.Access;

/// <summary>
/// Why a caller deals with a record, as they state it on a request (header <c>Purpose-Of-Use</c>) and as the audit log
/// keeps it: a wire name, each the counterpart of an HL7 v3 <c>ActReason</c> purpose of use, which the FHIR export of
/// the log (IHE BALP <c>AuditEvent.purposeOfEvent</c>) carries.
/// </summary>
public static class PurposeOfUse
{
    /// <summary>The request header that states it.</summary>
    public const string Header = "Purpose-Of-Use";

    /// <summary>The HL7 code system of the codes.</summary>
    public const string CodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    /// <summary>Each purpose by its wire name, with its HL7 v3 code and display.</summary>
    public static readonly FrozenDictionary<string, (string Code, string Display)> All = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["treatment"] = ("TREAT", "treatment"),
        ["emergency-treatment"] = ("ETREAT", "emergency treatment"),
        ["care-coordination"] = ("COC", "coordination of care"),
        ["operations"] = ("HOPERAT", "healthcare operations"),
        ["quality-improvement"] = ("HQUALIMP", "health quality improvement"),
        ["person-request"] = ("PATRQT", "patient requested"),
        ["research"] = ("HRESCH", "healthcare research"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The wire name for <paramref name="value"/> (any case), or null when it names no purpose.</summary>
    public static string? Parse(string? value) =>
        value is null ? null : All.ContainsKey(value.Trim().ToLowerInvariant()) ? value.Trim().ToLowerInvariant() : null;
}
