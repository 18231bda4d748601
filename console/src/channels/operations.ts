import { graphql } from '../graphql/generated';

/** The registry's list, with what each row needs (the provider is asked once per request for providerAgrees). */
export const ChannelList = graphql(`
  query ChannelList($provider: Department, $status: SharingChannelEffectiveStatus) {
    sharingChannels(provider: $provider, status: $status, first: 1000) {
      ...ChannelRow
    }
  }

  fragment ChannelRow on SharingChannel {
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
`);

/** One channel: a row of the registry's list (`ChannelRow`), its scope kind and its decisions. */
export const ChannelDetail = graphql(`
  query ChannelDetail($code: String!) {
    sharingChannel(code: $code) {
      ...ChannelRow
      version
      inForce
      scopeKind {
        ...ScopeKind
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
      ...ScopeKind
    }
  }

  fragment ScopeKind on ChannelScopeKind {
    name
    types
    description
    descriptionZh
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
      ...ChannelDecision
    }
  }

  fragment ChannelDecision on SharingChannel {
    id
    code
    status
    version
  }
`);

export const SuspendChannel = graphql(`
  mutation SuspendSharingChannel($input: SharingChannelDecisionInput!) {
    suspendSharingChannel(input: $input) {
      ...ChannelDecision
    }
  }
`);

export const RevokeChannel = graphql(`
  mutation RevokeSharingChannel($input: SharingChannelDecisionInput!) {
    revokeSharingChannel(input: $input) {
      ...ChannelDecision
    }
  }
`);
