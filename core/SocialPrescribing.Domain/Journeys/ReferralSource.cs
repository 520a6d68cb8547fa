namespace SocialPrescribing.Domain.Journeys;

public enum ReferralSource
{
    FamilyPhysician,
    NursePractitioner,
    Pharmacist,
    Paramedic,
    HospitalDischarge,
    HomeCare,
    Self,
    CommunityAgency,
}
