package org.heritageguide.knowledge;

import java.util.List;

import org.heritageguide.GuideProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base, with the embedders that {@code guide.knowledge.embedder} chooses. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    KnowledgeBase knowledgeBase(KnowledgeSettings settings, GuideProperties properties, ApplicationEventPublisher events) {
        return new KnowledgeBase(settings.embedder() == KnowledgeSettings.EmbedderKind.ONNX
                ? TextEmbedders.onnx(List.of(properties.operatorModelsDir(), properties.modelsDir()),
                        settings.embedderConcurrency())
                : TextEmbedders.NONE, events);
    }
}
