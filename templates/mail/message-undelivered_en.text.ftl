A ${kind} from ${author} to a ${channel} customer (${recipient}) could not be delivered: ${reason}

It does not count as an answer: the customer has received nothing and the reply clock runs on<#if dueAt?has_content> (due ${dueAt})</#if>.
Give the channel a way out and retry the incident, or reach the customer another way.
<#if incidentUrl?has_content>The case in Cockpit: ${incidentUrl}
</#if>${subject}

careflow
