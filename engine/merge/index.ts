export { chooseMainTicket, mergeTickets, mirrorFollowers, splitTicket, ticketMergeCandidates, TICKET_MERGE_RANK, type MergeResult, type TicketMergeCandidates } from './ticketMerge.js';
export { chooseMainTask, mergeTask, mirrorTaskFollowers, splitTask, taskMergeCandidates, type TaskCandidate } from './taskMerge.js';
