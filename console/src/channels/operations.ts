import { graphql } from '../graphql/generated';

/** The registry's list, with what each row needs (the provider is asked once per request for providerAgrees). */
export const ChannelList = graphql(`
  query ChannelList($provider: Department, $status: SharingChannelEffectiveStatus) {
    sharingChannels(provider: $provider, status: $status, first: 1000) {
      id
      code
      provider
      consumers
      purpose
      legalBasis
      validFrom
      validUntil
      status
      effectiveStatus
      providerAgrees
      scope
      grants {
        typeName
        fields
      }
    }
  }
`);

export const ChannelDetail = graphql(`
  query ChannelDetail($code: String!) {
    sharingChannel(code: $code) {
      id
      version
      code
      provider
      consumers
      purpose
      legalBasis
      validFrom
      validUntil
      status
      effectiveStatus
      inForce
      providerAgrees
      scope
      scopeKind {
        name
        types
        description
        descriptionZh
      }
      grants {
        typeName
        fields
      }
      proposedBy {
        subject
        name
      }
      proposedAt
      decidedBy {
        subject
        name
      }
      decidedAt
      decisionReason
      changedAt
      providerRecord {
        status
        decidedBy {
          subject
          name
        }
        decidedAt
        decisionReason
        version
      }
    }
  }
`);

export const ScopeKinds = graphql(`
  query ChannelScopeKinds($provider: Department!) {
    channelScopeKinds(provider: $provider) {
      name
      types
      description
      descriptionZh
    }
  }
`);

export const ProposeChannel = graphql(`
  mutation ProposeSharingChannel($input: ProposeSharingChannelInput!) {
    proposeSharingChannel(input: $input) {
      id
      code
      status
    }
  }
`);

export const ActivateChannel = graphql(`
  mutation ActivateSharingChannel($input: SharingChannelDecisionInput!) {
    activateSharingChannel(input: $input) {
      id
      code
      status
      version
    }
  }
`);

export const SuspendChannel = graphql(`
  mutation SuspendSharingChannel($input: SharingChannelDecisionInput!) {
    suspendSharingChannel(input: $input) {
      id
      code
      status
      version
    }
  }
`);

export const RevokeChannel = graphql(`
  mutation RevokeSharingChannel($input: SharingChannelDecisionInput!) {
    revokeSharingChannel(input: $input) {
      id
      code
      status
      version
    }
  }
`);
